-- Issue 19: each terminal's device history for supervisors, one row per change of a device's state as the terminal
-- reported it (a printer going PAPER_OUT and back to READY is two rows), with the time the server heard it.
CREATE TABLE device_event (
    event_id     VARCHAR(36)  NOT NULL PRIMARY KEY,
    terminal_id  VARCHAR(64)  NOT NULL,
    device_kind  VARCHAR(32)  NOT NULL,
    model        VARCHAR(128) NOT NULL,
    state        VARCHAR(16)  NOT NULL,
    detail       VARCHAR(256),
    recorded_at  TIMESTAMP    NOT NULL
);
CREATE INDEX device_event_terminal ON device_event (terminal_id, recorded_at);
