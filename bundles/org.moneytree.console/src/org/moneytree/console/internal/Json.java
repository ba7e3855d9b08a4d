package org.moneytree.console.internal;

import java.io.IOException;
import java.time.Instant;
import java.time.LocalDate;

import org.moneytree.api.profit.Period;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.TypeAdapter;
import com.google.gson.stream.JsonReader;
import com.google.gson.stream.JsonWriter;

/**
 * The console's JSON: the API's records as objects with their components' names, money ({@code BigDecimal})
 * as JSON numbers, days and instants as ISO text, periods by id, and a number that is not finite as
 * {@code null} (JSON has no NaN).
 */
final class Json {

    private Json() {
    }

    static final Gson GSON = new GsonBuilder()
            .disableHtmlEscaping()
            .serializeNulls()
            .registerTypeAdapter(Double.class, new FiniteDouble())
            .registerTypeAdapter(double.class, new FiniteDouble())
            .registerTypeAdapter(Instant.class, new AsText<>(Instant::parse))
            .registerTypeAdapter(LocalDate.class, new AsText<>(LocalDate::parse))
            .registerTypeAdapter(Period.class, new PeriodById())
            .create();

    private static final class FiniteDouble extends TypeAdapter<Double> {
        @Override
        public void write(JsonWriter out, Double value) throws IOException {
            if (value == null || value.isNaN() || value.isInfinite()) {
                out.nullValue();
            } else {
                out.value(value.doubleValue());
            }
        }

        @Override
        public Double read(JsonReader in) throws IOException {
            if (in.peek() == com.google.gson.stream.JsonToken.NULL) {
                in.nextNull();
                return null;
            }
            return in.nextDouble();
        }
    }

    private static final class AsText<T> extends TypeAdapter<T> {
        private final java.util.function.Function<String, T> parser;

        AsText(java.util.function.Function<String, T> parser) {
            this.parser = parser;
        }

        @Override
        public void write(JsonWriter out, T value) throws IOException {
            if (value == null) {
                out.nullValue();
            } else {
                out.value(value.toString());
            }
        }

        @Override
        public T read(JsonReader in) throws IOException {
            if (in.peek() == com.google.gson.stream.JsonToken.NULL) {
                in.nextNull();
                return null;
            }
            return parser.apply(in.nextString());
        }
    }

    private static final class PeriodById extends TypeAdapter<Period> {
        @Override
        public void write(JsonWriter out, Period value) throws IOException {
            if (value == null) {
                out.nullValue();
            } else {
                out.value(value.id());
            }
        }

        @Override
        public Period read(JsonReader in) throws IOException {
            return Period.parse(in.nextString());
        }
    }
}
