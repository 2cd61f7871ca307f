package com.cruddur.messaging.domain.application.usecase;

import com.cruddur.messaging.domain.model.Page;
import com.cruddur.messaging.domain.model.PageRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Predicate;

/** Reading a paged list through to its end (or until told to stop), holding one page at a time. */
final class EveryPage {
    /** As many as a page holds. */
    static final int SIZE = PageRequest.MAX_LIMIT;

    private EveryPage() {
    }

    /** Every item of every page, in one list: for lists that are small whatever the user (a user's summaries). */
    static <T> List<T> all(Function<PageRequest, Page<T>> read) {
        List<T> all = new ArrayList<>();
        each(read, all::add);
        return all;
    }

    /** Each item of every page, page after page. */
    static <T> void each(Function<PageRequest, Page<T>> read, Consumer<T> each) {
        eachWhile(read, page -> true, each);
    }

    /** Each item of every page, page after page, until a page after which {@code goOn} says to stop. */
    static <T> void eachWhile(Function<PageRequest, Page<T>> read, Predicate<Page<T>> goOn, Consumer<T> each) {
        PageRequest request = PageRequest.first(SIZE);
        while (true) {
            Page<T> page = read.apply(request);
            page.items().forEach(each);
            if (page.next().isEmpty() || !goOn.test(page)) {
                return;
            }
            request = request.after(page.next().get());
        }
    }
}
