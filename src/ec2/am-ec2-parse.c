/* am-ec2-parse.c: reading EC2 Query responses into model objects with the streaming reader
 * Copyright 2026 The Amiable authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "am-ec2-parse"

#include "config.h"

#include "am-aws-error.h"
#include "am-xml-reader.h"
#include "am-ec2-parse-private.h"

#define MAX_FRAMES 32

typedef enum
{
  MODE_LIST,
  MODE_OBJECT,
  MODE_VALUE,
} Mode;

typedef enum
{
  FRAME_ROOT,
  FRAME_RESPONSE,
  FRAME_PATH,
  FRAME_OUT_LIST,   /* the listed items: appended to parser->items */
  FRAME_OBJECT,     /* an object's own children */
  FRAME_NESTED,     /* children of an element nested in an object, e.g. <stateReason> */
  FRAME_LIST,       /* <item> objects of an object's field */
  FRAME_STRV,       /* <item> strings of an object's field */
} FrameKind;

typedef struct
{
  AmEc2Parser       *parser;
  FrameKind          kind;
  const AmModelInfo *info;      /* OBJECT, NESTED: the object's; LIST: the items' */
  GObject           *object;    /* OBJECT, NESTED: filled; LIST, STRV: the owner */
  const char        *parent;    /* NESTED: the element the fields nest in */
  const AmField     *field;     /* LIST, STRV: the owner's field; OBJECT, NESTED: last leaf */
  guint              cursor;    /* where the next field lookup starts (fields come in order) */
  guint              path_index;
  gboolean           owns_object;
  GPtrArray         *scratch;   /* LIST, STRV: reused between lists */
} Frame;

/* Recent values of the interned fields, so repeated values skip the global quark lock: a
 * slot per field, length and last bytes of the value (a listing mixes a few owners,
 * architectures and device names, which a slot per field alone kept evicting). */
#define QUARK_CACHE_BITS 9
#define QUARK_CACHE_SIZE (1 << QUARK_CACHE_BITS)
#define QUARK_CACHE_TEXT 48

/* Items cleared by _am_model_share_or_clear(), to be filled again instead of made anew. */
#define N_SPARES 4

typedef struct
{
  const AmModelInfo *info;
  GObject           *object;
} Spare;

typedef struct
{
  const AmField *field;
  GQuark         quark;
  guint8         len;
  char           text[QUARK_CACHE_TEXT];
} QuarkCacheEntry;

struct _AmEc2Parser
{
  QuarkCacheEntry     quark_cache[QUARK_CACHE_SIZE];

  AmXmlReader        *reader;
  Mode                mode;
  const AmModelInfo  *info;
  const char * const *path;
  const char         *value_element;
  const char         *value_container;  /* nullable: the value's parent below the response */

  Frame               frames[MAX_FRAMES];
  guint               n_frames;
  Spare               spares[N_SPARES];

  GPtrArray          *items;
  GObject            *object;
  char               *next_token;
  char               *request_id;
  char               *value;
  gboolean            saw_response;
  gboolean            saw_value;
  gboolean            value_optional;
};

static const AmXmlHandler root_handler;
static const AmXmlHandler response_handler;
static const AmXmlHandler path_handler;
static const AmXmlHandler list_handler;
static const AmXmlHandler object_handler;
static const AmXmlHandler strv_handler;

static Frame *
push_frame (AmEc2Parser        *self,
            const AmXmlHandler *handler,
            FrameKind           kind)
{
  Frame *frame;

  if (self->n_frames >= MAX_FRAMES)
    return NULL;

  frame = &self->frames[self->n_frames++];
  frame->parser = self;
  frame->kind = kind;
  frame->info = NULL;
  frame->object = NULL;
  frame->parent = NULL;
  frame->field = NULL;
  frame->cursor = 0;
  frame->path_index = 0;
  frame->owns_object = FALSE;
  if (frame->scratch != NULL)
    g_ptr_array_set_size (frame->scratch, 0);
  if (handler != NULL)
    am_xml_reader_push (self->reader, handler, frame);
  return frame;
}

static void
pop_frame (AmEc2Parser *self,
           Frame       *frame)
{
  g_assert (self->n_frames > 0 && frame == &self->frames[self->n_frames - 1]);
  self->n_frames--;
}

static Frame *
frame_below (Frame *frame)
{
  AmEc2Parser *self = frame->parser;
  guint index = frame - self->frames;

  g_assert (index > 0);
  return &self->frames[index - 1];
}

static inline gboolean
same_parent (const char *a,
             const char *b)
{
  return a == b || (a != NULL && b != NULL && strcmp (a, b) == 0);
}

/* Fields mostly arrive in table order, so starting after the last match finds most at once. */
static const AmField *
lookup_field (Frame      *frame,
              const char *element)
{
  const AmModelInfo *info = frame->info;
  guint n = info->n_fields;
  guint i = frame->cursor;

  for (guint k = 0; k < n; k++, i++)
    {
      const AmField *field;

      if (i >= n)
        i = 0;
      field = &info->fields[i];
      if (field->element != NULL
          && field->element[0] == element[0]
          && same_parent (field->parent, frame->parent)
          && strcmp (field->element, element) == 0)
        {
          frame->cursor = i + 1 < n ? i + 1 : 0;
          return field;
        }
    }
  return NULL;
}

static const char *
lookup_nest (const AmModelInfo *info,
             const char        *element)
{
  for (guint i = 0; i < info->n_fields; i++)
    if (info->fields[i].parent != NULL && strcmp (info->fields[i].parent, element) == 0)
      return info->fields[i].parent;
  return NULL;
}

static Frame *
push_object (AmEc2Parser       *self,
             const AmModelInfo *info,
             GObject           *object,
             gboolean           owns)
{
  Frame *frame = push_frame (self, &object_handler, FRAME_OBJECT);

  if (frame == NULL)
    {
      if (owns)
        g_object_unref (object);
      return NULL;
    }
  frame->info = info;
  frame->object = object;
  frame->owns_object = owns;
  return frame;
}

/* root: the document; its first element is the response element */

static gboolean
root_start (AmXmlReader  *reader,
            const char   *element,
            gpointer      data,
            GError      **error)
{
  Frame *frame = data;
  AmEc2Parser *self = frame->parser;

  self->saw_response = TRUE;
  if (self->mode == MODE_OBJECT && (self->path == NULL || self->path[0] == NULL))
    {
      self->object = _am_model_new (self->info);
      push_object (self, self->info, self->object, FALSE);
      return TRUE;
    }
  push_frame (self, &response_handler, FRAME_RESPONSE);
  return TRUE;
}

static gboolean
root_end (AmXmlReader  *reader,
          gpointer      data,
          GError      **error)
{
  Frame *frame = data;
  AmEc2Parser *self = frame->parser;

  if (!self->saw_response)
    {
      g_set_error (error, AM_AWS_ERROR, AM_AWS_ERROR_MALFORMED_RESPONSE,
                   "The response is empty");
      return FALSE;
    }
  if (self->mode == MODE_OBJECT && self->object == NULL)
    {
      g_set_error (error, AM_AWS_ERROR, AM_AWS_ERROR_MALFORMED_RESPONSE,
                   "The response has no “%s” element", self->path[0]);
      return FALSE;
    }
  if (self->mode == MODE_VALUE && !self->saw_value && !self->value_optional)
    {
      g_set_error (error, AM_AWS_ERROR, AM_AWS_ERROR_MALFORMED_RESPONSE,
                   "The response has no “%s” element", self->value_element);
      return FALSE;
    }
  if (self->mode == MODE_OBJECT)
    _am_model_finish (self->object, self->info);
  return TRUE;
}

static const AmXmlHandler root_handler = { root_start, NULL, root_end };

/* response and path: walk down to the listed items */

static gboolean
descend (AmEc2Parser *self,
         Frame       *frame,
         const char  *element,
         guint        index)
{
  if (self->path == NULL || self->path[index] == NULL || strcmp (self->path[index], element) != 0)
    return FALSE;

  if (self->path[index + 1] != NULL)
    {
      Frame *next = push_frame (self, &path_handler, FRAME_PATH);

      if (next != NULL)
        next->path_index = index + 1;
    }
  else if (self->mode == MODE_LIST)
    push_frame (self, &list_handler, FRAME_OUT_LIST);
  else if (self->mode == MODE_OBJECT && self->object == NULL)
    {
      self->object = _am_model_new (self->info);
      push_object (self, self->info, self->object, FALSE);
    }
  return TRUE;
}

static gboolean
response_start (AmXmlReader  *reader,
                const char   *element,
                gpointer      data,
                GError      **error)
{
  Frame *frame = data;
  AmEc2Parser *self = frame->parser;

  /* A value one level down ("container/element"): read that container's children too. */
  if (self->mode == MODE_VALUE && self->value_container != NULL && frame->kind == FRAME_RESPONSE
      && self->n_frames == 2 && strcmp (element, self->value_container) == 0)
    {
      push_frame (self, &response_handler, FRAME_RESPONSE);
      return TRUE;
    }
  descend (self, frame, element, 0);
  return TRUE;
}

static gboolean
response_text (AmXmlReader  *reader,
               const char   *element,
               const char   *text,
               gsize         len,
               gpointer      data,
               GError      **error)
{
  Frame *frame = data;
  AmEc2Parser *self = frame->parser;

  if (strcmp (element, "nextToken") == 0)
    {
      g_free (self->next_token);
      self->next_token = len > 0 ? g_strndup (text, len) : NULL;
    }
  else if (strcmp (element, "requestId") == 0)
    {
      g_free (self->request_id);
      self->request_id = g_strndup (text, len);
    }
  else if (self->value_element != NULL && strcmp (element, self->value_element) == 0)
    {
      g_free (self->value);
      self->value = g_strndup (text, len);
      self->saw_value = TRUE;
    }
  return TRUE;
}

static gboolean
frame_end (AmXmlReader  *reader,
           gpointer      data,
           GError      **error)
{
  Frame *frame = data;

  pop_frame (frame->parser, frame);
  return TRUE;
}

static const AmXmlHandler response_handler = { response_start, response_text, frame_end };

static gboolean
path_start (AmXmlReader  *reader,
            const char   *element,
            gpointer      data,
            GError      **error)
{
  Frame *frame = data;

  descend (frame->parser, frame, element, frame->path_index);
  return TRUE;
}

static const AmXmlHandler path_handler = { path_start, NULL, frame_end };

/* lists of objects: the listed items (OUT_LIST) and object fields (LIST) */

static GObject *
new_item (AmEc2Parser       *self,
          const AmModelInfo *info)
{
  for (guint i = 0; i < N_SPARES; i++)
    if (self->spares[i].info == info && self->spares[i].object != NULL)
      return g_steal_pointer (&self->spares[i].object);
  return _am_model_new (info);
}

/* Keeps a cleared item for new_item(), or releases it when every place is taken. */
static void
keep_spare (AmEc2Parser       *self,
            const AmModelInfo *info,
            GObject           *object)
{
  for (guint i = 0; i < N_SPARES; i++)
    if (self->spares[i].object == NULL
        && (self->spares[i].info == info || self->spares[i].info == NULL))
      {
        self->spares[i].info = info;
        self->spares[i].object = object;
        return;
      }
  g_object_unref (object);
}

/* strcmp (element, "item") == 0, without the call: list elements are mostly <item>. */
static inline gboolean
is_item (const char *element)
{
  return element[0] == 'i' && element[1] == 't' && element[2] == 'e' && element[3] == 'm'
         && element[4] == '\0';
}

static gboolean
list_start (AmXmlReader  *reader,
            const char   *element,
            gpointer      data,
            GError      **error)
{
  Frame *frame = data;
  AmEc2Parser *self = frame->parser;
  const AmModelInfo *info;

  if (!is_item (element))
    return TRUE;

  info = frame->kind == FRAME_OUT_LIST ? self->info : frame->info;
  push_object (self, info, new_item (self, info), TRUE);
  return TRUE;
}

static gpointer *
steal_scratch (Frame *frame)
{
  gpointer *items;
  guint len = frame->scratch != NULL ? frame->scratch->len : 0;

  if (len == 0)
    return NULL;
  items = g_new (gpointer, len + 1);
  memcpy (items, frame->scratch->pdata, len * sizeof (gpointer));
  items[len] = NULL;
  g_ptr_array_set_size (frame->scratch, 0);
  return items;
}

static void
store_array (Frame *frame)
{
  gpointer *ptr = AM_FIELD_PTR (frame->object, frame->field);
  gpointer *old = *(gpointer **) ptr;
  gpointer *items = steal_scratch (frame);

  /* A repeated list element replaces the earlier one. */
  if (old != NULL && frame->field->type == AM_FIELD_OBJECTS)
    for (guint i = 0; old[i] != NULL; i++)
      g_object_unref (old[i]);
  g_free (old);
  *(gpointer **) ptr = items;
}

static gboolean
list_end (AmXmlReader  *reader,
          gpointer      data,
          GError      **error)
{
  Frame *frame = data;

  if (frame->kind == FRAME_LIST || frame->kind == FRAME_STRV)
    store_array (frame);
  pop_frame (frame->parser, frame);
  return TRUE;
}

static const AmXmlHandler list_handler = { list_start, NULL, list_end };

static gboolean
strv_start (AmXmlReader  *reader,
            const char   *element,
            gpointer      data,
            GError      **error)
{
  return TRUE;
}

static gboolean
strv_text (AmXmlReader  *reader,
           const char   *element,
           const char   *text,
           gsize         len,
           gpointer      data,
           GError      **error)
{
  Frame *frame = data;

  if (is_item (element))
    {
      if (frame->scratch == NULL)
        frame->scratch = g_ptr_array_new ();
      g_ptr_array_add (frame->scratch, (gpointer) _am_model_intern_len (text, len));
    }
  return TRUE;
}

static const AmXmlHandler strv_handler = { strv_start, strv_text, list_end };

/* objects */

static gboolean
object_start (AmXmlReader  *reader,
              const char   *element,
              gpointer      data,
              GError      **error)
{
  Frame *frame = data;
  AmEc2Parser *self = frame->parser;
  const AmField *field = lookup_field (frame, element);
  Frame *next;

  frame->field = field;
  if (field == NULL)
    {
      const char *nest = frame->parent == NULL ? lookup_nest (frame->info, element) : NULL;

      if (nest != NULL)
        {
          next = push_frame (self, &object_handler, FRAME_NESTED);
          if (next != NULL)
            {
              next->info = frame->info;
              next->object = frame->object;
              next->parent = nest;
            }
        }
      return TRUE;
    }

  switch (field->type)
    {
    case AM_FIELD_OBJECTS:
      next = push_frame (self, &list_handler, FRAME_LIST);
      if (next != NULL)
        {
          if (next->scratch == NULL)
            next->scratch = g_ptr_array_new ();
          next->info = field->item_info ();
          next->object = frame->object;
          next->field = field;
        }
      frame->field = NULL;
      break;
    case AM_FIELD_STRV:
      next = push_frame (self, &strv_handler, FRAME_STRV);
      if (next != NULL)
        {
          next->object = frame->object;
          next->field = field;
        }
      frame->field = NULL;
      break;
    case AM_FIELD_PRESENT:
      *(gboolean *) AM_FIELD_PTR (frame->object, field) = TRUE;
      break;
    case AM_FIELD_STRING:
    case AM_FIELD_INTERNED:
    case AM_FIELD_BOOLEAN:
    case AM_FIELD_INT:
    case AM_FIELD_INT64:
    default:
      break;
    }
  return TRUE;
}

static GQuark
cached_quark (AmEc2Parser   *self,
              const AmField *field,
              const char    *text,
              gsize          len)
{
  guint64 tail = 0;
  guint64 slot;
  QuarkCacheEntry *entry;

  memcpy (&tail, text + (len > 8 ? len - 8 : 0), MIN (len, 8));
  slot = (GPOINTER_TO_SIZE (field) / sizeof (AmField)) * G_GUINT64_CONSTANT (0x9E3779B97F4A7C15)
         ^ (tail + len) * G_GUINT64_CONSTANT (0xC2B2AE3D27D4EB4F);
  /* The top bits: every input bit reaches them (the value's last byte, the top byte of
   * @tail, reaches nothing below bit 56, so "ephemeral0" and "ephemeral1" shared a slot). */
  entry = &self->quark_cache[slot >> (64 - QUARK_CACHE_BITS)];

  if (entry->field == field && entry->len == len && memcmp (entry->text, text, len) == 0)
    return entry->quark;

  entry->quark = _am_model_quark_len (text, len);
  if (len < QUARK_CACHE_TEXT)
    {
      entry->field = field;
      entry->len = len;
      memcpy (entry->text, text, len);
    }
  else
    entry->field = NULL;
  return entry->quark;
}

static gboolean
object_text (AmXmlReader  *reader,
             const char   *element,
             const char   *text,
             gsize         len,
             gpointer      data,
             GError      **error)
{
  Frame *frame = data;
  const AmField *field = frame->field;

  /* The reader hands over a leaf's text before anything else opens in this frame, so the
   * field found when the leaf opened is the one (NULL: an element we skip). */
  frame->field = NULL;
  if (field == NULL || field->type == AM_FIELD_OBJECTS || field->type == AM_FIELD_STRV)
    return TRUE;
  if (field->type == AM_FIELD_INTERNED)
    {
      *(GQuark *) AM_FIELD_PTR (frame->object, field) = cached_quark (frame->parser, field, text, len);
      return TRUE;
    }
  return _am_model_set_text (frame->object, field, text, len, error);
}

static gboolean
object_end (AmXmlReader  *reader,
            gpointer      data,
            GError      **error)
{
  Frame *frame = data;
  AmEc2Parser *self = frame->parser;

  if (frame->kind == FRAME_OBJECT && frame->owns_object)
    {
      Frame *list = frame_below (frame);
      GObject *object = g_steal_pointer (&frame->object);

      _am_model_finish (object, frame->info);
      if (list->kind == FRAME_OUT_LIST)
        g_ptr_array_add (self->items, object);
      else
        {
          gboolean cleared;

          g_ptr_array_add (list->scratch, _am_model_share_or_clear (object, frame->info, &cleared));
          if (cleared)
            keep_spare (self, frame->info, object);
        }
    }
  pop_frame (self, frame);
  return TRUE;
}

static const AmXmlHandler object_handler = { object_start, object_text, object_end };

static AmEc2Parser *
parser_new (Mode                mode,
            const AmModelInfo  *info,
            const char * const *path)
{
  AmEc2Parser *self = g_new0 (AmEc2Parser, 1);
  Frame *root;

  self->mode = mode;
  self->info = info;
  self->path = path;
  self->items = g_ptr_array_new_with_free_func (g_object_unref);
  root = push_frame (self, NULL, FRAME_ROOT);
  self->reader = am_xml_reader_new (&root_handler, root);
  return self;
}

AmEc2Parser *
_am_ec2_parser_new_list (const AmModelInfo   *info,
                         const char * const  *path)
{
  g_return_val_if_fail (info != NULL, NULL);
  g_return_val_if_fail (path != NULL && path[0] != NULL, NULL);

  return parser_new (MODE_LIST, info, path);
}

AmEc2Parser *
_am_ec2_parser_new_object (const AmModelInfo   *info,
                           const char * const  *path)
{
  g_return_val_if_fail (info != NULL, NULL);

  return parser_new (MODE_OBJECT, info, path);
}

static void
clear_frames (AmEc2Parser *self)
{
  /* After a failure the open frames still own objects that never reached their list. */
  for (guint i = 0; i < MAX_FRAMES; i++)
    {
      Frame *frame = &self->frames[i];

      if (i < self->n_frames)
        {
          if (frame->owns_object)
            g_clear_object (&frame->object);
          if (frame->kind == FRAME_LIST && frame->scratch != NULL)
            for (guint j = 0; j < frame->scratch->len; j++)
              g_object_unref (frame->scratch->pdata[j]);
        }
      g_clear_pointer (&frame->scratch, g_ptr_array_unref);
    }
  self->n_frames = 0;
}

void
_am_ec2_parser_free (AmEc2Parser *self)
{
  if (self == NULL)
    return;

  g_clear_pointer (&self->reader, am_xml_reader_free);
  clear_frames (self);
  for (guint i = 0; i < N_SPARES; i++)
    g_clear_object (&self->spares[i].object);
  g_clear_pointer (&self->items, g_ptr_array_unref);
  g_clear_object (&self->object);
  g_free (self->next_token);
  g_free (self->request_id);
  g_free (self->value);
  g_free (self);
}

gboolean
_am_ec2_parser_feed (AmEc2Parser  *self,
                     const char   *data,
                     gsize         length,
                     GError      **error)
{
  g_return_val_if_fail (self != NULL, FALSE);

  return am_xml_reader_feed (self->reader, data, length, error);
}

gboolean
_am_ec2_parser_finish (AmEc2Parser  *self,
                       GError      **error)
{
  g_return_val_if_fail (self != NULL, FALSE);

  return am_xml_reader_finish (self->reader, error);
}

GPtrArray *
_am_ec2_parser_steal_items (AmEc2Parser *self)
{
  GPtrArray *items;

  g_return_val_if_fail (self != NULL, NULL);

  items = g_steal_pointer (&self->items);
  self->items = g_ptr_array_new_with_free_func (g_object_unref);
  return items;
}

GObject *
_am_ec2_parser_steal_object (AmEc2Parser *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return g_steal_pointer (&self->object);
}

char *
_am_ec2_parser_steal_next_token (AmEc2Parser *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return g_steal_pointer (&self->next_token);
}

const char *
_am_ec2_parser_get_request_id (AmEc2Parser *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return self->request_id;
}

static gboolean
parse_body (AmEc2Parser  *self,
            GBytes       *body,
            GError      **error)
{
  gsize len = 0;
  const char *data = body != NULL ? g_bytes_get_data (body, &len) : NULL;

  if (len > 0 && !_am_ec2_parser_feed (self, data, len, error))
    return FALSE;
  return _am_ec2_parser_finish (self, error);
}

GPtrArray *
_am_ec2_parse_list (GBytes              *body,
                    const AmModelInfo   *info,
                    const char * const  *path,
                    char               **next_token,
                    GError             **error)
{
  g_autoptr (AmEc2Parser) parser = _am_ec2_parser_new_list (info, path);

  if (!parse_body (parser, body, error))
    return NULL;
  if (next_token != NULL)
    *next_token = _am_ec2_parser_steal_next_token (parser);
  return _am_ec2_parser_steal_items (parser);
}

GObject *
_am_ec2_parse_object (GBytes              *body,
                      const AmModelInfo   *info,
                      const char * const  *path,
                      GError             **error)
{
  g_autoptr (AmEc2Parser) parser = _am_ec2_parser_new_object (info, path);

  if (!parse_body (parser, body, error))
    return NULL;
  return _am_ec2_parser_steal_object (parser);
}

/* Reads the text of @element ("element" or "container/element"); with @optional a missing
 * element is no error. */
static gboolean
parse_value (GBytes      *body,
             const char  *element,
             gboolean     optional,
             char       **value,
             GError     **error)
{
  g_autoptr (AmEc2Parser) parser = parser_new (MODE_VALUE, NULL, NULL);
  const char *slash = strchr (element, '/');
  g_autofree char *container = slash != NULL ? g_strndup (element, slash - element) : NULL;

  parser->value_element = slash != NULL ? slash + 1 : element;
  parser->value_container = container;
  parser->value_optional = optional;
  if (!parse_body (parser, body, error))
    return FALSE;
  *value = g_steal_pointer (&parser->value);
  return TRUE;
}

char *
_am_ec2_parse_value (GBytes      *body,
                     const char  *element,
                     GError     **error)
{
  char *value = NULL;

  if (!parse_value (body, element, FALSE, &value, error))
    return NULL;
  return value;
}

gboolean
_am_ec2_parse_optional_value (GBytes      *body,
                              const char  *element,
                              char       **value,
                              GError     **error)
{
  return parse_value (body, element, TRUE, value, error);
}
