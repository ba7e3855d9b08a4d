package org.moneytree.importer.internal;

import java.nio.file.Path;

/**
 * Reads an .xlsx sheet with the importer's XlsxTable outside OSGi and prints rows per second, or with
 * {@code --print} every row as the importer would get it. Compiled together with the importer's sources
 * by tests/benchmarks/xlsx-read.sh, because XlsxTable is internal to its bundle.
 */
public class XlsxRead {

    public static void main(String[] args) throws Exception {
        boolean print = args.length > 0 && args[0].equals("--print");
        int first = print ? 1 : 0;
        Path file = Path.of(args[first]);
        String sheet = args.length > first + 1 ? args[first + 1] : null;
        long start = System.nanoTime();
        long rows = 0;
        long cells = 0;
        try (XlsxTable table = XlsxTable.open(file, sheet, '.')) {
            if (print) {
                System.out.println("header " + table.header());
            }
            XlsxTable.XlsxRow row;
            while ((row = table.next()) != null) {
                rows++;
                cells += row.cells().size();
                if (print) {
                    System.out.println(row.line() + " " + row.cells());
                }
            }
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        Runtime runtime = Runtime.getRuntime();
        System.out.printf("%s: %,d rows, %,d cells in %.2f s: %,.0f rows/s; heap in use at the end %d MB (max %d MB)%n",
                file, rows, cells, seconds, rows / seconds,
                (runtime.totalMemory() - runtime.freeMemory()) >> 20, runtime.maxMemory() >> 20);
    }
}
