package hk.post.ecert.counter.domain.model.terminal;

import java.util.List;
import java.util.Optional;

/** The enrolled (and enrollable) counter PCs. */
public interface TerminalRepository {

    Optional<Terminal> find(String terminalId);

    List<Terminal> all();

    List<Terminal> atCounter(String officeCode, String counterCode);

    void add(Terminal terminal);
}
