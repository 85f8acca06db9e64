package org.ewea.methodology.authority;

import java.time.LocalDate;

/**
 * One public warning, report or action by an authority naming criminal use of a technology.
 *
 * @param technology the taxonomy id
 * @param authority who warned ("FBI IC3", "Europol EC3")
 * @param date when (an upper bound of when authorities knew: "by then at the latest")
 * @param monthOnly whether only the month is known ({@code date} is then its first day)
 * @param title what the document is
 * @param url where it is (or a mirror of it)
 * @param terms the terms of the cited document, for anyone who copies its text
 * @param confidence that this is close to the first warning: high, medium or low
 * @param note how it was found and read
 */
public record AuthorityWarning(
        String technology,
        String authority,
        LocalDate date,
        boolean monthOnly,
        String title,
        String url,
        String terms,
        String confidence,
        String note) {

    /** The date as written: {@code 2012-05} for a month, {@code 2015-01-22} for a day. */
    public String dateText() {
        return monthOnly ? date.toString().substring(0, 7) : date.toString();
    }
}
