/* kg.h - the kg library: news text to a knowledge graph of actors and countries.
 *
 *   kg_init               first: igraph returns, jansson seeded (kg/setup.h)
 *   kg_resources_load     once per process (word lists, tagger and parser model)
 *   kg_extract_file       text -> entities, mentions, triples   (kg/extract.h)
 *   kg_ud_parse_text      text -> tagged and parsed UD sentences (kg/parse.h)
 *   kg_graph_add_document triples -> graph                      (kg/graph.h)
 *   kg_corpus_build       documents -> graph, on N threads      (kg/corpus.h)
 *   kg_export_file        graph -> JSON, DOT, SVG, GraphML       (kg/export.h)
 *
 * Link with `pkg-config --cflags --libs kg` (kg.pc).  Each header below wraps
 * its own declarations in extern "C", so C++ includes them as they are.
 */
#ifndef KG_H
#define KG_H

#include "kg/base.h"
#include "kg/setup.h"
#include "kg/extract.h"
#include "kg/parse.h"
#include "kg/ner.h"
#include "kg/graph.h"
#include "kg/corpus.h"
#include "kg/export.h"
#include "kg/diff.h"
#include "kg/diff_export.h"

#endif
