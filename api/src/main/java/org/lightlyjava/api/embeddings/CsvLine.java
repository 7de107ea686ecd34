package org.lightlyjava.api.embeddings;

import java.util.ArrayList;
import java.util.List;

/** Splits one CSV line (RFC 4180 quoting, no embedded line breaks). */
final class CsvLine {

    private CsvLine() {}

    static List<String> split(String line) {
        if (line.indexOf('"') < 0) {
            return splitPlain(line);
        }
        List<String> cells = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                    cell.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    cell.append(c);
                }
            } else if (c == '"' && cell.length() == 0) {
                quoted = true;
            } else if (c == ',') {
                cells.add(cell.toString());
                cell.setLength(0);
            } else {
                cell.append(c);
            }
        }
        cells.add(cell.toString());
        return cells;
    }

    /** A line without quotes: the text between commas (the usual line of embeddings.csv). */
    private static List<String> splitPlain(String line) {
        List<String> cells = new ArrayList<>();
        int from = 0;
        for (int comma = line.indexOf(','); comma >= 0; comma = line.indexOf(',', from)) {
            cells.add(line.substring(from, comma));
            from = comma + 1;
        }
        cells.add(line.substring(from));
        return cells;
    }
}
