/* web_assets.h - the graph page's script and style, built into the library
 * (export/ only, not installed).
 *
 * The Makefile bundles web/src/page.js with sigma.js and graphology
 * (web/build.mjs, the packages web/package-lock.json pins) and turns the
 * bundle and web/page.css into $(O)/gen/web_assets.c with tools/embed.c, so
 * kg writes a page without reading anything at run time.  Neither is
 * NUL-terminated: use the lengths.
 */
#ifndef KG_WEB_ASSETS_H
#define KG_WEB_ASSETS_H

#include <stddef.h>

extern const unsigned char kg_web_assets_script[];
extern const size_t kg_web_assets_script_len;
extern const unsigned char kg_web_assets_style[];
extern const size_t kg_web_assets_style_len;

#endif
