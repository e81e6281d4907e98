/* values.h - numbers, percentages, money and dates in a phrase, normalized
 * (kg_value in kg/extract.h), so that two versions of an article compare
 * by what they say: "5 per cent" is "5%", "£40m" is GBP 40000000, "on
 * Monday" in a story dated 2024-01-05 is 2024-01-01.
 *
 * The words come from data/number-words.txt, data/currency-words.txt and
 * data/date-words.txt, loaded once; finding reads them only, allocates
 * nothing and keeps no state, so any number of threads may call it.
 *
 * What counts as a value (the data files list the words):
 *   number   digits with optional thousands commas and decimals ("22,000",
 *            "3.5"), a scale word after them ("1.5 million") or a scale
 *            glued to them ("3.2bn"), or number words ("five",
 *            "twenty-two", "two hundred and fifty", "a dozen")
 *   percent  a number before "%", "per cent", "percent", "pc" or
 *            "percentage point(s)"; amount 5 for all of them
 *   money    a number after a currency symbol or code ("$3.2 billion",
 *            "US$12", "Rs 500") or before a currency word ("5 million
 *            dollars"); amount in units (3.2e9), ISO 4217 currency
 *   date     "2024-01-05"; "5 January 2024", "January 5, 2024", "Jan. 5",
 *            "5th January"; "March 2023" (2023-03); a year 1900-2100 after
 *            "in", "since", "by" ... ("in 2023": 2023); a weekday ("on
 *            Monday", "last Friday"); "yesterday", "today", "tomorrow"
 * A number glued to letters or joined to other characters by a hyphen,
 * slash or colon is none: "G7", "F-16", "COVID-19", "7th", "1990s",
 * "10-15", "24/7", "3:30", "five-year".  A year 1900-2100 standing alone
 * is a date when it is all the text ("2023": an argument whose preposition
 * went into the relation, "fled since | 2023"); elsewhere ("the 2023
 * budget", "1990 troops") it is a number: only the words around it could
 * tell a year from a count, and a number still compares equal to itself.
 *
 * Dates are resolved against the document's date, as news is read: a day
 * and month without a year are in the document's year; a bare weekday is
 * the most recent such day on or before the document's date ("on Monday"
 * in a story of Friday 2024-01-05 is 2024-01-01; "on Friday" is the day
 * itself), "last Monday" the one before that when the document is of a
 * Monday, "next Monday" the first after the document's date; "yesterday"
 * is the day before.  Without a document date these give no value.
 */
#ifndef KG_VALUES_H
#define KG_VALUES_H

#include <stddef.h>

#include "kg/extract.h"

typedef struct kg_values kg_values;

/* Loads the three word lists from data_dir (NULL: kg_paths_data_dir's).  Errors name
 * the file and line ("data/number-words.txt:12: unknown use 'units'"). */
kg_status kg_values_load(const char *data_dir, kg_values **out, kg_error *err);
void kg_values_free(kg_values *v);

/* The values in text[0, len), left to right and not overlapping; start and
 * end are byte offsets into text.  doc_date is "YYYY-MM-DD", or "" or NULL
 * when unknown.  Writes at most max values to out and returns how many
 * there are (more than max: call again with room for all).  Reads no byte
 * at or past len; any bytes are safe, UTF-8 or not; linear in len. */
size_t kg_values_find(const kg_values *v, const char *text, size_t len, const char *doc_date,
                      kg_value *out, size_t max);

#endif
