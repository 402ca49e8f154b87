-- The counter journal: every money and certificate event, per counter, sequence-numbered and hash-chained
-- (each entry's hash covers the previous entry's hash). Rows are only ever inserted: the database refuses UPDATE
-- and DELETE (see db/vendor/<database>/V3_1__journal_append_only.sql). Corrections are new, compensating entries.
CREATE TABLE journal_entry (
    counter_code  VARCHAR(32)   NOT NULL,
    seq           BIGINT        NOT NULL,
    recorded_at   TIMESTAMP     NOT NULL,
    kind          VARCHAR(32)   NOT NULL,
    amount_cents  BIGINT        NOT NULL,
    actor         VARCHAR(64)   NOT NULL,
    payload       VARCHAR(4000) NOT NULL,
    prev_hash     CHAR(64)      NOT NULL,
    entry_hash    CHAR(64)      NOT NULL,
    PRIMARY KEY (counter_code, seq)
);

-- The tip of each counter's chain. Its row is locked to append, which keeps sequence numbers gap-free and unique
-- even when several server instances append for the same counter.
CREATE TABLE journal_head (
    counter_code  VARCHAR(32)   NOT NULL PRIMARY KEY,
    last_seq      BIGINT        NOT NULL,
    last_hash     CHAR(64)      NOT NULL
);

-- Signed checkpoints, one per counter at each office day close: the chain's tip, signed with the journal key.
CREATE TABLE journal_checkpoint (
    counter_code  VARCHAR(32)   NOT NULL,
    seq           BIGINT        NOT NULL,
    entry_hash    CHAR(64)      NOT NULL,
    signed_at     TIMESTAMP     NOT NULL,
    key_id        VARCHAR(64)   NOT NULL,
    signature     VARCHAR(256)  NOT NULL,
    PRIMARY KEY (counter_code, seq)
);
