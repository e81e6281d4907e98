/* kg/diff_export.h - writing a kg_diff for people and for other tools.
 *
 *   text  a summary: counts, then one line per change with its sentences,
 *         then notes (renamed entities, mention counts); ANSI colours on
 *         request.  Nothing at all when the graphs are the same.
 *   json  every change with its evidence, in a stable, documented shape
 *         (docs/diff-format.md); deterministic.
 *   dot   the union of both graphs drawn by Graphviz: added parts green,
 *         removed red and dashed, changed amber, unchanged grey.
 *   svg   the same, laid out and rendered.
 *   html  one self-contained page: counts, the changes, the versions side by side.
 *
 * As with kg_export_file, kg_diff_export_file writes a temporary file in the
 * target's directory and renames it into place only when it is complete.
 */
#ifndef KG_DIFF_EXPORT_H
#define KG_DIFF_EXPORT_H

#include <stdbool.h>
#include <stdio.h>

#include "kg/base.h"
#include "kg/diff.h"

#ifdef __cplusplus
extern "C" {
#endif

typedef enum kg_diff_format {
    KG_DIFF_FMT_TEXT,
    KG_DIFF_FMT_JSON,
    KG_DIFF_FMT_DOT,
    KG_DIFF_FMT_SVG,
    KG_DIFF_FMT_HTML
} kg_diff_format;

/* "text", "json", "dot", "svg"; false if unknown. */
bool kg_diff_format_parse(const char *name, kg_diff_format *out);

typedef struct kg_diff_export_options {
    bool color;          /* text: ANSI colours */
    size_t max_evidence; /* text: sentences shown per side and change; 0: 2 */
} kg_diff_export_options;

kg_status kg_diff_export_text(const kg_diff *d, const kg_diff_export_options *opts, FILE *out,
                              kg_error *err);
kg_status kg_diff_export_json(const kg_diff *d, FILE *out, kg_error *err);
kg_status kg_diff_export_dot(const kg_diff *d, FILE *out, kg_error *err);
kg_status kg_diff_export_svg(const kg_diff *d, FILE *out, kg_error *err);
/* One HTML5 page needing nothing else (no script, style, font or image
 * fetched): the summary, each change linked to its sentences, and both
 * versions side by side with the changed words marked.  Everything from the
 * articles is escaped; deterministic. */
kg_status kg_diff_export_html(const kg_diff *d, FILE *out, kg_error *err);

/* One of the above by format; opts may be NULL. */
kg_status kg_diff_export_write(const kg_diff *d, kg_diff_format f,
                               const kg_diff_export_options *opts, FILE *out, kg_error *err);
/* Writes path atomically (temporary file + rename). */
kg_status kg_diff_export_file(const kg_diff *d, kg_diff_format f,
                              const kg_diff_export_options *opts, const char *path, kg_error *err);

#ifdef __cplusplus
}
#endif

#endif
