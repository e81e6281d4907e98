/* graph_html.c - the graph as one self-contained interactive HTML page.
 *
 * The page is a shell: the style (web/page.css) and one script (web/src/
 * page.js bundled with sigma.js and graphology, web_assets.h) are inlined,
 * and the graph travels as data in <script type="application/json"
 * id="kg-graph">, in graphology's serialization as kg_export_json_styled
 * writes it, so the page shows exactly the facts the JSON export holds and
 * nothing is fetched when it opens.  The script lays the graph out and draws
 * it in the browser (docs/html-page.md).
 *
 * Text inside a <script> element ends at the first "</script" and is read
 * in a different state after "<!--", whatever JSON means by it; so every "<"
 * in the data becomes the JSON escape \u003c (it can only stand in a
 * string, where the escape means the same).  U+2028 and U+2029 become
 * \u2028 and \u2029, which older JavaScript would not take raw in a string.
 * Everything else is the JSON export byte for byte, so a page is as
 * deterministic as the JSON.
 */
#include <stdlib.h>
#include <string.h>

#include "dot_build.h"
#include "kg/export.h"
#include "web_assets.h"

/* The graph as graphology JSON in a malloc'd buffer (*json, *len). */
static kg_status graph_json(const kg_graph *g, char **json, size_t *len, kg_error *err)
{
    *json = NULL;
    *len = 0;
    FILE *mem = open_memstream(json, len);
    if (!mem)
        return kg_error_set(err, KG_ERR_NOMEM, "html: out of memory for the graph data");
    kg_error jerr = {0};
    kg_status st = kg_export_json_styled(g, KG_JSON_GRAPHOLOGY, mem, &jerr);
    if (fclose(mem) != 0 && st == KG_OK)
        return kg_error_set(err, KG_ERR_NOMEM, "html: out of memory for the graph data");
    if (st != KG_OK)
        return kg_error_set(err, st, "html: %s", jerr.message);
    return KG_OK;
}

/* json[0..len) with "<", U+2028 and U+2029 escaped (see the header). */
static void put_script_json(FILE *out, const char *json, size_t len)
{
    size_t from = 0;
    for (size_t i = 0; i < len; i++) {
        const char *esc = NULL;
        size_t skip = 1;
        if (json[i] == '<') {
            esc = "\\u003c";
        } else if ((unsigned char)json[i] == 0xE2 && i + 2 < len &&
                   (unsigned char)json[i + 1] == 0x80 &&
                   ((unsigned char)json[i + 2] == 0xA8 || (unsigned char)json[i + 2] == 0xA9)) {
            esc = (unsigned char)json[i + 2] == 0xA8 ? "\\u2028" : "\\u2029";
            skip = 3;
        }
        if (!esc)
            continue;
        fwrite(json + from, 1, i - from, out);
        fputs(esc, out);
        i += skip - 1;
        from = i + 1;
    }
    fwrite(json + from, 1, len - from, out);
}

static void put_page(FILE *out, const char *json, size_t len)
{
    fputs("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
          "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
          "<meta name=\"generator\" content=\"kg " KG_VERSION "\">\n"
          "<title>kg graph</title>\n<style>\n",
          out);
    fwrite(kg_web_assets_style, 1, kg_web_assets_style_len, out);
    fputs("</style>\n</head>\n<body>\n<div id=\"kg-app\"></div>\n"
          "<noscript><p>This page draws the graph with JavaScript, which is off; "
          "<code>kg build -f json</code> writes the same graph as data.</p></noscript>\n"
          "<script type=\"application/json\" id=\"kg-graph\">\n",
          out);
    put_script_json(out, json, len);
    fputs("</script>\n<script>\n", out);
    fwrite(kg_web_assets_script, 1, kg_web_assets_script_len, out);
    fputs("\n</script>\n</body>\n</html>\n", out);
}

kg_status kg_export_html(const kg_graph *g, FILE *out, kg_error *err)
{
    if (!g || !out)
        return kg_error_set(err, KG_ERR_USAGE, "html: no graph or no output");
    char *json;
    size_t len;
    kg_status st = graph_json(g, &json, &len, err);
    if (st == KG_OK) {
        put_page(out, json, len);
        if (ferror(out))
            st = kg_export_io_error(err);
    }
    free(json);
    return st;
}
