/* kg/setup.h - what the libraries under kg must be told before kg uses them.
 *
 * kg_init sets up, for this process, what kg's own command sets up and an
 * embedder would otherwise have to know to:
 *
 *   - igraph's error and warning handlers become igraph's "ignore" ones.
 *     igraph's default error handler calls abort(), and its default warning
 *     handler prints to standard error; kg checks the status of every igraph
 *     call and reports a failure as a kg_error (KG_ERR_LIB), which it can
 *     only do if igraph returns.
 *   - jansson's hash seed is chosen (json_object_seed(0): from the system's
 *     entropy).  jansson seeds itself on the first object it makes, and its
 *     notes on threads name the seed as its one global state, to be set
 *     before threads use jansson: done here, that one-time write never
 *     happens on one of kg's worker threads.  The seed never shows in
 *     kg's output: jansson keeps an object's keys in insertion order, and kg
 *     writes its keys in a fixed order, so JSON output is the same bytes on
 *     every run whatever the seed.
 *
 * kg_init is idempotent and may be called from several threads at once; the
 * work is done once (pthread_once).  kg_graph_new calls it, so an embedder
 * who never does still has igraph return instead of aborting: call it
 * yourself, first thing, if jansson is used by your program before any
 * kg_graph is made, or from more than one thread.
 *
 * Threads: the igraph this kg is built with keeps its handlers per process
 * (IGRAPH_THREAD_SAFE 0), and kg_init sets them once.  A thread-safe igraph
 * (IGRAPH_THREAD_SAFE 1) keeps them per thread: kg_init then also sets them
 * the first time it runs on each thread, so a thread that calls kg_graph_*
 * functions on a graph made on another thread must call kg_init itself
 * first.
 *
 * Handlers of your own: kg_init installs igraph's handlers only the first
 * time it runs (per process, or per thread as above), so handlers you set
 * after that stay in place.  A handler of yours must return (not abort or
 * longjmp) for kg to report igraph's failures and free what it holds.
 */
#ifndef KG_SETUP_H
#define KG_SETUP_H

#ifdef __cplusplus
extern "C" {
#endif

void kg_init(void);

#ifdef __cplusplus
}
#endif

#endif
