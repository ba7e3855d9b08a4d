package org.moneytree.importer.internal;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;
import java.util.function.Function;

import org.moneytree.api.archive.RecordKind;
import org.moneytree.importer.internal.Field.FieldType;

/**
 * The fields of one kind of record and how a row of them becomes a record and back: the single place that
 * says what a file of that kind looks like, for imports and exports alike.
 *
 * @param <R> the record type
 */
final class RecordSchema<R> {

    private final RecordKind kind;
    private final List<Field> fields;
    private final BiFunction<RecordSchema<R>, ParsedRow, R> builder;
    private final Function<R, List<Object>> cells;

    private RecordSchema(RecordKind kind, List<Field> fields, BiFunction<RecordSchema<R>, ParsedRow, R> builder,
            Function<R, List<Object>> cells) {
        this.kind = kind;
        this.fields = List.copyOf(fields);
        this.builder = builder;
        this.cells = cells;
    }

    RecordKind kind() {
        return kind;
    }

    List<Field> fields() {
        return fields;
    }

    /** The field of a canonical name; an unknown name is a programming error. */
    Field field(String name) {
        for (Field field : fields) {
            if (field.name().equals(name)) {
                return field;
            }
        }
        throw new IllegalArgumentException(kind.id() + " have no field " + name);
    }

    /** The field of a canonical name as a mapping gives it (ignoring case), or {@code null}. */
    Field forName(String name) {
        for (Field field : fields) {
            if (field.name().equals(name.strip().toLowerCase(java.util.Locale.ROOT))) {
                return field;
            }
        }
        return null;
    }

    /** The field a header name stands for, or {@code null}. */
    Field forHeader(String header) {
        for (Field field : fields) {
            if (field.matchesHeader(header)) {
                return field;
            }
        }
        return null;
    }

    /** The canonical field names, comma-separated, for messages. */
    String names() {
        return String.join(", ", fields.stream().map(Field::name).toList());
    }

    /** The canonical field names, for an export's header. */
    List<String> header() {
        return fields.stream().map(Field::name).toList();
    }

    /** The record of a row whose values parsed, or {@code null} after adding the row's problems. */
    R build(ParsedRow row) {
        return builder.apply(this, row);
    }

    /** The record's values in field order: text, {@link LocalDate}, {@link BigDecimal} or {@code null}. */
    List<Object> cells(R record) {
        return cells.apply(record);
    }

    static <R> Builder<R> of(RecordKind kind) {
        return new Builder<>(kind);
    }

    /** Collects a schema's fields in order. */
    static final class Builder<R> {
        private final RecordKind kind;
        private final List<Field> fields = new ArrayList<>();

        private Builder(RecordKind kind) {
            this.kind = kind;
        }

        Builder<R> text(String name, boolean required, int maxLength, String... aliases) {
            return add(name, FieldType.TEXT, required, maxLength, aliases);
        }

        Builder<R> date(String name, boolean required, String... aliases) {
            return add(name, FieldType.DATE, required, 0, aliases);
        }

        Builder<R> amount(String name, boolean required, String... aliases) {
            return add(name, FieldType.AMOUNT, required, 0, aliases);
        }

        Builder<R> quantity(String name, boolean required, String... aliases) {
            return add(name, FieldType.QUANTITY, required, 0, aliases);
        }

        private Builder<R> add(String name, FieldType type, boolean required, int maxLength, String... aliases) {
            List<String> normalised = new ArrayList<>();
            for (String alias : aliases) {
                normalised.add(Field.normalise(alias));
            }
            fields.add(new Field(fields.size(), name, type, required, maxLength, normalised));
            return this;
        }

        RecordSchema<R> build(BiFunction<RecordSchema<R>, ParsedRow, R> builder, Function<R, List<Object>> cells) {
            return new RecordSchema<>(kind, fields, builder, cells);
        }
    }
}
