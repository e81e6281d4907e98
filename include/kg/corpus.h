/* kg/corpus.h - many documents into one graph, on several threads.
 *
 * kg_corpus_build takes documents from a source the caller gives, extracts
 * them on worker threads that share one kg_resources, and merges them into
 * the caller's graph on the calling thread strictly in the order the source
 * gave them, so the graph, and every byte written from it, is the same for
 * any number of jobs.  At most 4 documents per worker are in flight (given by
 * the source and not yet merged): memory stays bounded by that many
 * documents plus the graph however long the corpus, and a slow document holds
 * the others back only once that window is full.
 *
 * A document is bad when the source could not give it (item.error: a file
 * that cannot be opened, a record that is not JSON), when extraction refuses
 * it (unreadable, empty, too large, a bad date or id), or when an earlier
 * document has its id (kg_graph_add_document refuses it before the graph
 * changes).  Every document, merged or bad, is handed to on_document on the
 * calling thread, in order, as fields: its index, its name, and for a bad one
 * its status and message.  With keep_going a bad document is skipped; without
 * it, the first one (in document order) ends the run: nothing after it is
 * merged, and kg_corpus_build returns its status with its message in err.
 *
 *   kg_corpus_source src = {next_document, free_document, &my_input, n};
 *   kg_corpus_options o;
 *   kg_corpus_options_init(&o);
 *   o.keep_going = true;
 *   o.on_document = report;   (prints r->message when r->status != KG_OK)
 *   st = kg_corpus_build(resources, &src, &o, graph, &totals, &err);
 */
#ifndef KG_CORPUS_H
#define KG_CORPUS_H

#include <stdbool.h>
#include <stddef.h>

#include "kg/base.h"
#include "kg/extract.h"
#include "kg/graph.h"

#ifdef __cplusplus
extern "C" {
#endif

/* One document as the source gives it. */
typedef struct kg_corpus_item {
    /* What to extract, as kg_extract_text takes it: a path (the file is read
     * on the worker thread) or data and len, with a name for messages ("-"
     * when NULL), an id and a date.  What it points to must stay valid until
     * release. */
    kg_extract_input input;
    /* Status set: the source could not give this document; it is reported
     * with this status and message ("FILE:LINE: why") and never extracted. */
    kg_error error;
    /* The source's own mark, handed back in kg_corpus_result (kg build: the
     * input bytes read up to the end of this record, for its progress line). */
    size_t offset;
    /* The source's, for release: what input points into. */
    void *owner;
} kg_corpus_item;

typedef struct kg_corpus_source {
    /* Fills *item (zeroed) with the next document, or with why it could not
     * be read, and returns true; returns false after the last.  Called by the
     * worker threads one at a time, in document order (the library holds a
     * lock around it): it need not be thread-safe, but should not block for
     * long, since no worker can take a document meanwhile. */
    bool (*next)(void *ctx, kg_corpus_item *item);
    /* NULL, or frees what next put in item, once the document has been
     * extracted (or refused).  Called on worker threads, several at once. */
    void (*release)(void *ctx, kg_corpus_item *item);
    void *ctx;
    /* How many documents next will give, when known (0: unknown): no more
     * workers are started than that. */
    size_t count;
} kg_corpus_source;

/* What a run did, so far or in all. */
typedef struct kg_corpus_totals {
    size_t documents; /* merged into the graph */
    size_t failed;    /* bad: skipped, or (without keep_going) the one that ended the run */
    size_t workers;   /* extraction threads started */
    /* extraction, summed over every document extracted (one refused for its
     * id included): CPU seconds of the workers' threads, and counts */
    kg_extract_stats stats;
    double merge_s; /* CPU seconds of the calling thread in kg_graph_add_document */
} kg_corpus_totals;

/* One document's outcome, valid during the on_document call only. */
typedef struct kg_corpus_result {
    size_t index;        /* 0 for the first document next gave */
    const char *name;    /* input.path if set, else input.name ("-" when NULL) */
    kg_status status;    /* KG_OK: merged into the graph */
    const char *message; /* status set: why, naming the document ("a.txt: empty document") */
    /* The extracted document (NULL when extraction failed or never ran); one
     * refused for its id has one but was not merged. */
    const kg_document *document;
    size_t offset;                  /* item.offset */
    const kg_corpus_totals *totals; /* so far, this document counted */
} kg_corpus_result;

typedef void (*kg_corpus_callback)(void *ctx, const kg_corpus_result *r);

typedef struct kg_corpus_options {
    const kg_extract_options *extract; /* NULL: kg_extract_options_init's */
    /* Worker threads (0: one per online core).  No more start than there are
     * online cores (more only contend for them: -j 256 on 2 cores ran 8x
     * slower) or than source->count; the output is the same for any number. */
    size_t jobs;
    bool keep_going;                /* skip bad documents rather than stop at the first */
    kg_corpus_callback on_document; /* NULL: none */
    void *ctx;                      /* for on_document */
} kg_corpus_options;

/* No callback, every core, stop at the first bad document. */
void kg_corpus_options_init(kg_corpus_options *o);

/* Extracts every document src gives and merges it into g (o NULL: the
 * defaults), on_document hearing of each in document order on this thread.
 * totals (may be NULL) is filled also on failure.  Returns KG_OK when every
 * document was merged or, with keep_going, reported and skipped; the first
 * bad document's status (its message in err) when it ended the run; or
 * KG_ERR_NOMEM, KG_ERR_LIB ("cannot start a worker thread"), or what
 * kg_graph_add_document returned when the graph itself failed, which ends
 * the run with no on_document call for that document.  When the run ends
 * early, documents after the one that ended it are never merged, and those
 * already handed to workers are extracted and freed.  Calls kg_init. */
kg_status kg_corpus_build(const kg_resources *r, const kg_corpus_source *src,
                          const kg_corpus_options *o, kg_graph *g, kg_corpus_totals *totals,
                          kg_error *err);

#ifdef __cplusplus
}
#endif

#endif
