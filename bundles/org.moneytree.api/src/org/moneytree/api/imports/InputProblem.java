package org.moneytree.api.imports;

/**
 * One thing wrong with an input file, precise enough for a person to find and fix it: the file, the line
 * (1-based, counting the header), the field and what was expected. Readers report every problem they find,
 * not only the first.
 *
 * @param file the file's name as the user gave it
 * @param line the 1-based line number, or 0 when the problem concerns the whole file
 * @param field the column or field name, or an empty string when the problem concerns the whole line or file
 * @param message what was found and what was expected, in one sentence
 */
public record InputProblem(String file, long line, String field, String message) {

    /** The problem as one line, {@code file:line: field: message}, the form the command line prints. */
    @Override
    public String toString() {
        StringBuilder text = new StringBuilder(file);
        if (line > 0) {
            text.append(':').append(line);
        }
        text.append(": ");
        if (!field.isEmpty()) {
            text.append(field).append(": ");
        }
        return text.append(message).toString();
    }
}
