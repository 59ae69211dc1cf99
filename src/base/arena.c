/*
 * arena.c: the per-document bump allocator.
 *
 * Blocks form a list; allocation bumps a pointer in the head block and
 * opens a new block (at least as large as the request) when it is full.
 * reset moves all blocks to the spare list so the next document reuses
 * them without calling the allocator; release frees everything. Pointers
 * are aligned to 16 bytes. Nothing is ever freed on its own.
 */
#include "../internal.h"

struct dyad_arena_block {
  struct dyad_arena_block *next; /* older block */
  size_t cap;                    /* payload bytes */
  size_t used;                   /* payload bytes handed out */
  max_align_t data[];            /* payload */
};

#define ARENA_ALIGN 16

void dyad__arena_init(struct dyad_arena *ar, const struct dyad_allocator *a,
                      size_t block_size)
{
  memset(ar, 0, sizeof(*ar));
  ar->a = a;
  ar->block_size = block_size ? block_size : 64 * 1024;
}

/* Takes a spare block big enough for n, or allocates a new one. */
static struct dyad_arena_block *newblock(struct dyad_arena *ar, size_t n)
{
  struct dyad_arena_block **pp = &ar->spare;
  while (*pp) {
    if ((*pp)->cap >= n) {
      struct dyad_arena_block *b = *pp;
      *pp = b->next;
      b->used = 0;
      return b;
    }
    pp = &(*pp)->next;
  }
  size_t cap = n > ar->block_size ? n : ar->block_size;
  struct dyad_arena_block *b =
      dyad__malloc(ar->a, sizeof(struct dyad_arena_block) + cap);
  if (!b)
    return NULL;
  b->cap = cap;
  b->used = 0;
  return b;
}

void *dyad__arena_alloc(struct dyad_arena *ar, size_t n)
{
  if (n == 0)
    n = 1;
  if (n > SIZE_MAX / 2)
    return NULL;
  n = (n + ARENA_ALIGN - 1) & ~(size_t)(ARENA_ALIGN - 1);
  struct dyad_arena_block *b = ar->head;
  if (!b || b->cap - b->used < n) {
    b = newblock(ar, n);
    if (!b)
      return NULL;
    b->next = ar->head;
    ar->head = b;
  }
  void *p = (char *)b->data + b->used;
  b->used += n;
  ar->used += n;
  return p;
}

void *dyad__arena_calloc(struct dyad_arena *ar, size_t n)
{
  void *p = dyad__arena_alloc(ar, n);
  if (p)
    memset(p, 0, n);
  return p;
}

char *dyad__arena_strndup(struct dyad_arena *ar, const char *s, size_t n)
{
  char *d = dyad__arena_alloc(ar, n + 1);
  if (!d)
    return NULL;
  if (n)
    memcpy(d, s, n);
  d[n] = '\0';
  return d;
}

void dyad__arena_reset(struct dyad_arena *ar)
{
  while (ar->head) {
    struct dyad_arena_block *b = ar->head;
    ar->head = b->next;
    b->next = ar->spare;
    ar->spare = b;
  }
  ar->used = 0;
}

static void freelist(struct dyad_arena *ar, struct dyad_arena_block *b)
{
  while (b) {
    struct dyad_arena_block *next = b->next;
    dyad__free(ar->a, b, sizeof(*b) + b->cap);
    b = next;
  }
}

void dyad__arena_release(struct dyad_arena *ar)
{
  freelist(ar, ar->head);
  freelist(ar, ar->spare);
  ar->head = ar->spare = NULL;
  ar->used = 0;
}
