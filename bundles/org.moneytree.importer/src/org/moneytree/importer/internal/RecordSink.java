package org.moneytree.importer.internal;

import java.util.function.Consumer;
import java.util.function.Supplier;

import org.moneytree.api.purchase.StoreResult;

/** Where an import's records go: a purchase load or an archive load, seen alike. */
interface RecordSink<R> extends AutoCloseable {

    void add(R record);

    StoreResult commit();

    @Override
    void close();

    static <R> RecordSink<R> of(Consumer<R> add, Supplier<StoreResult> commit, Runnable close) {
        return new RecordSink<>() {
            @Override
            public void add(R record) {
                add.accept(record);
            }

            @Override
            public StoreResult commit() {
                return commit.get();
            }

            @Override
            public void close() {
                close.run();
            }
        };
    }
}
