/* setup.c - kg_init: igraph's handlers and jansson's seed, set once.
 *
 * kg/setup.h says why each is needed.  The igraph this is built against
 * decides whether its handlers are per process or per thread
 * (IGRAPH_THREAD_SAFE), and so whether they go in the once or in a
 * thread-local flag. */
#include <igraph.h>
#include <jansson.h>
#include <pthread.h>
#include <stdbool.h>

#include "kg/setup.h"

static pthread_once_t init_once = PTHREAD_ONCE_INIT;

static void install_igraph_handlers(void)
{
    igraph_set_error_handler(igraph_error_handler_ignore);
    igraph_set_warning_handler(igraph_warning_handler_ignore);
}

static void init_process(void)
{
    json_object_seed(0);
#if !IGRAPH_THREAD_SAFE
    install_igraph_handlers();
#endif
}

void kg_init(void)
{
    pthread_once(&init_once, init_process);
#if IGRAPH_THREAD_SAFE
    static _Thread_local bool installed;
    if (!installed) {
        install_igraph_handlers();
        installed = true;
    }
#endif
}
