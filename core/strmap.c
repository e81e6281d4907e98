/* strmap.c - linear probing over a power-of-two table, FNV-1a hashes,
 * grown at 50% load, keys in one arena.  No deletion: kg builds maps and
 * then only reads them.
 *
 * The lexicon puts some 120,000 words at every start: at 70% load an insert
 * probed ~6 slots and each key was its own malloc, which made the maps half
 * of kg's start-up (0.12 s for `kg entities` on one line); 50% load and an
 * arena for keys cut that to the numbers in the commit that made them. */
#include "strmap.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef struct slot {
    char *key;
    size_t len;
    size_t hash;
    size_t value;
} slot;

/* A slot of a frozen image (kg_strmap_freeze): the table as it was, with
 * each key an offset into the image's key bytes (0: empty) and the value in
 * 32 bits, so that a mapped file is used where it lies. */
typedef struct frozen_slot {
    uint32_t off, len, hash, value;
} frozen_slot;

struct kg_strmap {
    slot *slots;
    size_t cap;
    size_t count;
    kg_arena *keys;
    /* set instead of slots/keys while the map views a frozen image */
    const frozen_slot *frozen;
    const char *frozen_keys;
    size_t frozen_keys_len;
};

static size_t hash_bytes(const char *s, size_t n)
{
    uint64_t h = 1469598103934665603ull;
    for (size_t i = 0; i < n; i++) {
        h ^= (unsigned char)s[i];
        h *= 1099511628211ull;
    }
    return (size_t)h;
}

kg_strmap *kg_strmap_new(void)
{
    kg_strmap *m = calloc(1, sizeof *m);
    if (!m)
        return NULL;
    m->cap = 16;
    m->slots = calloc(m->cap, sizeof *m->slots);
    m->keys = kg_arena_new();
    if (!m->slots || !m->keys) {
        free(m->slots);
        kg_arena_free(m->keys);
        free(m);
        return NULL;
    }
    return m;
}

void kg_strmap_free(kg_strmap *m)
{
    if (!m)
        return;
    if (m->keys)
        kg_arena_free(m->keys);
    free(m->slots);
    free(m);
}

static slot *find(const kg_strmap *m, const char *key, size_t len, size_t h)
{
    size_t mask = m->cap - 1;
    for (size_t i = h & mask;; i = (i + 1) & mask) {
        slot *s = &m->slots[i];
        if (!s->key || (s->hash == h && s->len == len && memcmp(s->key, key, len) == 0))
            return s;
    }
}

/* The key of frozen slot s, or NULL when the slot is empty or points
 * outside the image: a damaged image gives wrong answers, never a read out
 * of bounds. */
static const char *frozen_key(const kg_strmap *m, const frozen_slot *s)
{
    if (!s->off || s->off >= m->frozen_keys_len || s->len >= m->frozen_keys_len - s->off ||
        m->frozen_keys[s->off + s->len] != '\0')
        return NULL;
    return m->frozen_keys + s->off;
}

/* The probe walk of find over a frozen image; at most cap probes, so that
 * an image with no empty slot cannot loop. */
static const frozen_slot *find_frozen(const kg_strmap *m, const char *key, size_t len, size_t h)
{
    size_t mask = m->cap - 1;
    for (size_t i = h & mask, n = 0; n < m->cap; i = (i + 1) & mask, n++) {
        const frozen_slot *s = &m->frozen[i];
        if (!s->off)
            return NULL;
        if (s->hash == (uint32_t)h && s->len == len) {
            const char *k = frozen_key(m, s);
            if (k && memcmp(k, key, len) == 0)
                return s;
        }
    }
    return NULL;
}

/* A frozen map that is written to becomes an ordinary one first. */
static kg_status thaw_for_write(kg_strmap *m)
{
    kg_strmap *live = kg_strmap_new();
    if (!live)
        return KG_ERR_NOMEM;
    for (size_t i = 0; i < m->cap; i++) {
        const char *k = frozen_key(m, &m->frozen[i]);
        if (k && kg_strmap_putn(live, k, m->frozen[i].len, m->frozen[i].value) != KG_OK) {
            kg_strmap_free(live);
            return KG_ERR_NOMEM;
        }
    }
    *m = *live;
    free(live);
    return KG_OK;
}

static kg_status grow(kg_strmap *m)
{
    size_t cap = m->cap * 2;
    slot *slots = calloc(cap, sizeof *slots);
    if (!slots)
        return KG_ERR_NOMEM;
    slot *old = m->slots;
    size_t old_cap = m->cap;
    m->slots = slots;
    m->cap = cap;
    for (size_t i = 0; i < old_cap; i++)
        if (old[i].key)
            *find(m, old[i].key, old[i].len, old[i].hash) = old[i];
    free(old);
    return KG_OK;
}

kg_status kg_strmap_putn(kg_strmap *m, const char *key, size_t len, size_t value)
{
    if (m->frozen && thaw_for_write(m) != KG_OK)
        return KG_ERR_NOMEM;
    if ((m->count + 1) * 2 > m->cap && grow(m) != KG_OK)
        return KG_ERR_NOMEM;
    size_t h = hash_bytes(key, len);
    slot *s = find(m, key, len, h);
    if (!s->key) {
        s->key = kg_arena_strndup(m->keys, key, len);
        if (!s->key)
            return KG_ERR_NOMEM;
        s->len = len;
        s->hash = h;
        m->count++;
    }
    s->value = value;
    return KG_OK;
}

kg_status kg_strmap_put(kg_strmap *m, const char *key, size_t value)
{
    return kg_strmap_putn(m, key, strlen(key), value);
}

bool kg_strmap_getn(const kg_strmap *m, const char *key, size_t len, size_t *value)
{
    if (m->frozen) {
        const frozen_slot *f = find_frozen(m, key, len, hash_bytes(key, len));
        if (f && value)
            *value = f->value;
        return f != NULL;
    }
    const slot *s = find(m, key, len, hash_bytes(key, len));
    if (!s->key)
        return false;
    if (value)
        *value = s->value;
    return true;
}

bool kg_strmap_get(const kg_strmap *m, const char *key, size_t *value)
{
    return kg_strmap_getn(m, key, strlen(key), value);
}

size_t kg_strmap_count(const kg_strmap *m)
{
    return m->count;
}

size_t kg_strmap_capacity(const kg_strmap *m)
{
    return m->cap;
}

const char *kg_strmap_slot(const kg_strmap *m, size_t i, size_t *value)
{
    if (i < m->cap && m->frozen) {
        const char *k = frozen_key(m, &m->frozen[i]);
        if (k && value)
            *value = m->frozen[i].value;
        return k;
    }
    if (i >= m->cap || !m->slots[i].key)
        return NULL;
    if (value)
        *value = m->slots[i].value;
    return m->slots[i].key;
}

/* ---------------------------------------------------------------- frozen images */

/* An image is: u64 cap, u64 count, u64 keys_len, cap frozen slots, keys_len
 * key bytes (a NUL, then each key with its NUL), zero padding to 8 bytes.
 * Native byte order: an image is a cache on the machine that wrote it. */
#define IMAGE_HEAD (3 * sizeof(uint64_t))

static size_t pad8(size_t n)
{
    return (n + 7) & ~(size_t)7;
}

/* Slot i's key (NULL: empty) with its length and value. */
static const char *entry(const kg_strmap *m, size_t i, size_t *len, size_t *value)
{
    const char *k = kg_strmap_slot(m, i, value);
    if (k)
        *len = m->frozen ? m->frozen[i].len : m->slots[i].len;
    return k;
}

kg_status kg_strmap_freeze(const kg_strmap *m, FILE *out)
{
    size_t keys_len = 1;
    for (size_t i = 0; i < m->cap; i++) {
        size_t len = 0, value = 0;
        if (!entry(m, i, &len, &value))
            continue;
        if (value > UINT32_MAX || len >= UINT32_MAX || keys_len > UINT32_MAX - len - 1)
            return KG_ERR_INPUT;
        keys_len += len + 1;
    }
    if (m->cap > UINT32_MAX)
        return KG_ERR_INPUT;
    uint64_t head[3] = {m->cap, m->count, keys_len};
    if (fwrite(head, sizeof head, 1, out) != 1)
        return KG_ERR_IO;
    uint32_t off = 1;
    for (size_t i = 0; i < m->cap; i++) {
        size_t len = 0, value = 0;
        const char *k = entry(m, i, &len, &value);
        frozen_slot f = {0, 0, 0, 0};
        if (k) {
            f = (frozen_slot){off, (uint32_t)len, (uint32_t)hash_bytes(k, len), (uint32_t)value};
            off += (uint32_t)len + 1;
        }
        if (fwrite(&f, sizeof f, 1, out) != 1)
            return KG_ERR_IO;
    }
    if (fputc('\0', out) == EOF)
        return KG_ERR_IO;
    for (size_t i = 0; i < m->cap; i++) {
        size_t len = 0, value = 0;
        const char *k = entry(m, i, &len, &value);
        if (k && fwrite(k, len + 1, 1, out) != 1)
            return KG_ERR_IO;
    }
    for (size_t n = keys_len; n < pad8(keys_len); n++)
        if (fputc('\0', out) == EOF)
            return KG_ERR_IO;
    return KG_OK;
}

kg_strmap *kg_strmap_thaw(const void *image, size_t avail, size_t *used)
{
    if (((uintptr_t)image & 7) || avail < IMAGE_HEAD)
        return NULL;
    uint64_t head[3];
    memcpy(head, image, sizeof head);
    uint64_t cap = head[0], count = head[1], keys_len = head[2];
    if (cap < 2 || cap > UINT32_MAX || (cap & (cap - 1)) || count >= cap || !keys_len ||
        keys_len > UINT32_MAX)
        return NULL;
    size_t slots = (size_t)cap * sizeof(frozen_slot);
    size_t need = IMAGE_HEAD + slots + pad8((size_t)keys_len);
    if (need > avail)
        return NULL;
    kg_strmap *m = calloc(1, sizeof *m);
    if (!m)
        return NULL;
    m->cap = (size_t)cap;
    m->count = (size_t)count;
    m->frozen = (const frozen_slot *)((const char *)image + IMAGE_HEAD);
    m->frozen_keys = (const char *)image + IMAGE_HEAD + slots;
    m->frozen_keys_len = (size_t)keys_len;
    *used = need;
    return m;
}
