/* ner_public.c - the typer's training as kg/ner.h offers it: the word lists
 * loaded from a directory rather than handed over, so an embedder never
 * sees the lexicon. */
#include "kg/ner.h"
#include "lexicon.h"
#include "ner.h"

kg_status kg_ner_train_files(const kg_ner_training *t, kg_ner **out, kg_error *err)
{
    *out = NULL;
    kg_lexicon *lx = NULL;
    kg_status st = kg_lexicon_load(t->data_dir, NULL, &lx, err);
    if (st != KG_OK)
        return st;
    st = kg_ner_train(t, lx, out, err);
    kg_lexicon_free(lx);
    return st;
}
