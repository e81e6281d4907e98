/* lemma.c - see lemma.h. */
#include "lemma.h"

#include <ctype.h>
#include <string.h>

static const char *const irregular[][2] = {
    {"am", "be"},
    {"is", "be"},
    {"are", "be"},
    {"was", "be"},
    {"were", "be"},
    {"been", "be"},
    {"being", "be"},
    {"'s", "be"},
    {"'re", "be"},
    {"'m", "be"},
    {"has", "have"},
    {"had", "have"},
    {"having", "have"},
    {"'ve", "have"},
    {"does", "do"},
    {"did", "do"},
    {"done", "do"},
    {"said", "say"},
    {"says", "say"},
    {"made", "make"},
    {"went", "go"},
    {"gone", "go"},
    {"goes", "go"},
    {"met", "meet"},
    {"told", "tell"},
    {"took", "take"},
    {"taken", "take"},
    {"gave", "give"},
    {"given", "give"},
    {"held", "hold"},
    {"led", "lead"},
    {"spent", "spend"},
    {"sent", "send"},
    {"brought", "bring"},
    {"thought", "think"},
    {"found", "find"},
    {"came", "come"},
    {"saw", "see"},
    {"seen", "see"},
    {"began", "begin"},
    {"begun", "begin"},
    {"won", "win"},
    {"left", "leave"},
    {"kept", "keep"},
    {"felt", "feel"},
    {"got", "get"},
    {"gotten", "get"},
    {"knew", "know"},
    {"known", "know"},
    {"ran", "run"},
    {"sold", "sell"},
    {"bought", "buy"},
    {"paid", "pay"},
    {"built", "build"},
    {"fought", "fight"},
    {"sought", "seek"},
    {"caught", "catch"},
    {"taught", "teach"},
    {"wrote", "write"},
    {"written", "write"},
    {"spoke", "speak"},
    {"spoken", "speak"},
    {"chose", "choose"},
    {"chosen", "choose"},
    {"drove", "drive"},
    {"driven", "drive"},
    {"rose", "rise"},
    {"risen", "rise"},
    {"fell", "fall"},
    {"fallen", "fall"},
    {"grew", "grow"},
    {"grown", "grow"},
    {"threw", "throw"},
    {"thrown", "throw"},
    {"struck", "strike"},
    {"stood", "stand"},
    {"understood", "understand"},
    {"lost", "lose"},
    {"meant", "mean"},
    {"heard", "hear"},
    {"became", "become"},
    {"forgot", "forget"},
    {"forgotten", "forget"},
    {"beat", "beat"},
    {"beaten", "beat"},
    {"broke", "break"},
    {"broken", "break"},
    {"shot", "shoot"},
    {"fled", "flee"},
    {"hit", "hit"},
    {"put", "put"},
    {"set", "set"},
    {"cut", "cut"},
    {"let", "let"},
    {"quit", "quit"},
    {"bid", "bid"},
    {"hung", "hang"},
    {"lay", "lie"},
    {"lain", "lie"},
    {"laid", "lay"},
    {"withdrew", "withdraw"},
    {"withdrawn", "withdraw"},
    {"overtook", "overtake"},
    {"undertook", "undertake"},
    {"undertaken", "undertake"},
    {"swore", "swear"},
    {"sworn", "swear"},
    {"wore", "wear"},
    {"worn", "wear"},
    {"ate", "eat"},
    {"eaten", "eat"},
    {"drew", "draw"},
    {"drawn", "draw"},
    {"flew", "fly"},
    {"flown", "fly"},
    {"slid", "slide"},
    {"sped", "speed"},
    {"woke", "wake"},
    {"shook", "shake"},
    {"shaken", "shake"},
    {"stole", "steal"},
    {"stolen", "steal"},
    {"ca", "can"},
    {"wo", "will"},
    {"n't", "not"},
};

static int known(const kg_parser *p, const char *w)
{
    return p ? kg_parser_knows(p, w) : 1;
}

/* Tries stem + suffix; returns it if the dictionary knows it. */
static const char *try_stem(kg_arena *a, const kg_parser *p, const char *w, size_t keep,
                            const char *add)
{
    char buf[128];
    size_t al = strlen(add);
    if (keep < 2 || keep >= sizeof buf || al >= sizeof buf - keep)
        return NULL;
    memcpy(buf, w, keep);
    memcpy(&buf[keep], add, al + 1);
    return known(p, buf) ? kg_arena_strdup(a, buf) : NULL;
}

static int ends(const char *w, size_t n, const char *suf)
{
    size_t k = strlen(suf);
    return n > k && strcmp(w + n - k, suf) == 0;
}

const char *kg_lemma_verb(kg_arena *a, const kg_parser *p, const char *word)
{
    char w[128];
    size_t n = strlen(word);
    if (n == 0 || n >= sizeof w)
        return kg_arena_strdup(a, word);
    for (size_t i = 0; i <= n; i++)
        w[i] = (char)tolower((unsigned char)word[i]);
    for (size_t i = 0; i < sizeof irregular / sizeof irregular[0]; i++)
        if (strcmp(w, irregular[i][0]) == 0)
            return irregular[i][1];
    const char *r = NULL;
    /* each suffix: the undoubled consonant (stopped), then the form with e
     * (hoped, making), then the plain strip (focused, visiting) */
    if (ends(w, n, "ied") && (r = try_stem(a, p, w, n - 3, "y")))
        return r;
    if (ends(w, n, "ies") && (r = try_stem(a, p, w, n - 3, "y")))
        return r;
    if (ends(w, n, "ed")) {
        if (n >= 4 && w[n - 3] == w[n - 4] && (r = try_stem(a, p, w, n - 3, "")))
            return r;
        if ((r = try_stem(a, p, w, n - 1, "")) || (r = try_stem(a, p, w, n - 2, "")))
            return r;
    }
    if (ends(w, n, "ing")) {
        if (n >= 5 && w[n - 4] == w[n - 5] && (r = try_stem(a, p, w, n - 4, "")))
            return r;
        if ((r = try_stem(a, p, w, n - 3, "e")) || (r = try_stem(a, p, w, n - 3, "")))
            return r;
    }
    if (ends(w, n, "es") && (r = try_stem(a, p, w, n - 2, "")))
        return r;
    if (ends(w, n, "s") && !ends(w, n, "ss") && (r = try_stem(a, p, w, n - 1, "")))
        return r;
    return kg_arena_strdup(a, w);
}
