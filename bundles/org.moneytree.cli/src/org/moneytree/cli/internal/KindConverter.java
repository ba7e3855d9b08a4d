package org.moneytree.cli.internal;

import org.moneytree.api.archive.RecordKind;

import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** Reads a kind of record by its id ({@code customers}), naming the choices when it is none. */
final class KindConverter implements ITypeConverter<RecordKind> {

    @Override
    public RecordKind convert(String value) {
        RecordKind kind = RecordKind.forId(value);
        if (kind == null) {
            StringBuilder kinds = new StringBuilder();
            for (RecordKind each : RecordKind.values()) {
                kinds.append(kinds.isEmpty() ? "" : ", ").append(each.id());
            }
            throw new TypeConversionException("'" + value + "' is no kind of record; expected one of " + kinds);
        }
        return kind;
    }
}
