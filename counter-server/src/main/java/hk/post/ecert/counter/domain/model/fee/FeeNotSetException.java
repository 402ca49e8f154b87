package hk.post.ecert.counter.domain.model.fee;

import java.util.List;
import java.util.stream.Collectors;

/** Refusal to charge: a fee that is not published is a setting, and this one has not been entered. */
public class FeeNotSetException extends RuntimeException {

    private final List<FeeItem> items;

    public FeeNotSetException(List<FeeItem> items) {
        super("fee not set: " + items.stream().map(FeeItem::code).collect(Collectors.joining(", ")));
        this.items = List.copyOf(items);
    }

    public List<FeeItem> items() {
        return items;
    }
}
