/* clock.c - the one reading of a thread's CPU time (kg/base.h).
 *
 * Stage times are CPU time of the calling thread, not wall time: kg runs
 * on shared machines.  Two runs of the same 102 BBC articles on a 2-core
 * machine with a load average of 7-9 took 90 s and 71 s of wall time (52 s
 * and 77 s for another pair) but 28.2 s and 28.3 s of parse CPU time. */
#include <time.h>

#include "kg/base.h"

double kg_thread_cpu_seconds(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec * 1e-9;
}
