/* am-ec2-model-private.h: field tables behind the EC2 model objects (parse, properties, cache)
 * Copyright 2026 The Amiable authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <string.h>

#include <glib-object.h>
#include <json-glib/json-glib.h>

#include "am-xml-fields.h"

G_BEGIN_DECLS

/*
 * Every model object is a final GObject whose instance struct holds plain fields. A static
 * table (AmField[], see am-xml-fields.h) says, for each field, its property name, the EC2
 * element it is read from (and the element it nests in, e.g. "code" inside "stateReason"), its
 * storage type and its offset. The reader, the read-only properties, the equality test and the JSON cache all walk
 * that table, so adding a field is one line and no value goes through g_object_set().
 */

typedef struct _AmModelInfo AmModelInfo;

struct _AmModelInfo
{
  const char *name;
  GType (*get_type) (void);
  const AmField *fields;
  guint n_fields;
  void (*finish) (GObject *object);   /* computes derived fields once all are read */
  GParamSpec **pspecs;                /* indexed by field, filled by install_properties */
};

void          _am_model_install_properties (GObjectClass      *object_class,
                                            AmModelInfo       *info);
gboolean      _am_model_get_property       (GObject           *object,
                                            const AmModelInfo *info,
                                            guint              prop_id,
                                            GValue            *value);
void          _am_model_clear              (GObject           *object,
                                            const AmModelInfo *info);
/* Returns @object, or (consuming @object) a shared equal one when it holds no owned strings. */
GObject      *_am_model_share              (GObject           *object,
                                            const AmModelInfo *info);
/* The same, but an @object equal to a shared one is kept, cleared to zero (*@cleared set)
 * for the caller to fill again, instead of released. */
GObject      *_am_model_share_or_clear     (GObject           *object,
                                            const AmModelInfo *info,
                                            gboolean          *cleared);
gboolean      _am_model_equal              (GObject           *a,
                                            GObject           *b,
                                            const AmModelInfo *info);
gpointer     *_am_model_array_or_empty     (gpointer          *array);
guint         _am_model_array_length       (gpointer          *array);
gint64        _am_model_parse_time         (const char        *text,
                                            gint64             fallback);
const char   *_am_model_intern_len         (const char        *text,
                                            gsize              len);
GQuark        _am_model_quark_len          (const char        *text,
                                            gsize              len);
/* Stores leaf text into a scalar field; FALSE with @error when a number or boolean is bad. */
gboolean      _am_model_set_text           (GObject           *object,
                                            const AmField     *field,
                                            const char        *text,
                                            gsize              len,
                                            GError           **error);
GObject      *_am_model_new                (const AmModelInfo *info);
void          _am_model_finish             (GObject           *object,
                                            const AmModelInfo *info);

/* JSON (cache): one object per model object, keyed by property name. */
/* One object as compact JSON text, keyed by property name, written straight into @out (the
 * image cache writes 100,000 of them: no JsonNode per value). */
void          _am_model_append_json        (GObject           *object,
                                            const AmModelInfo *info,
                                            GString           *out);
GObject      *_am_model_from_json          (const AmModelInfo *info,
                                            JsonObject        *json,
                                            GError           **error);

/* The tables of every model, for the reader and the cache. */
const AmModelInfo *_am_tag_get_model_info                  (void);
const AmModelInfo *_am_product_code_get_model_info         (void);
const AmModelInfo *_am_launch_permission_get_model_info    (void);
const AmModelInfo *_am_block_device_mapping_get_model_info (void);
const AmModelInfo *_am_image_get_model_info                (void);
const AmModelInfo *_am_image_attribute_get_model_info      (void);
const AmModelInfo *_am_instance_get_model_info             (void);
const AmModelInfo *_am_instance_block_device_get_model_info (void);
const AmModelInfo *_am_instance_state_change_get_model_info (void);
const AmModelInfo *_am_instance_type_get_model_info        (void);
const AmModelInfo *_am_key_pair_get_model_info             (void);
const AmModelInfo *_am_vpc_get_model_info                  (void);
const AmModelInfo *_am_subnet_get_model_info               (void);
const AmModelInfo *_am_security_group_get_model_info       (void);
const AmModelInfo *_am_availability_zone_get_model_info    (void);
const AmModelInfo *_am_region_get_model_info               (void);
const AmModelInfo *_am_snapshot_get_model_info             (void);
const AmModelInfo *_am_snapshot_deletion_get_model_info    (void);
const AmModelInfo *_am_launch_template_get_model_info      (void);
const AmModelInfo *_am_image_reference_get_model_info      (void);
const AmModelInfo *_am_instance_image_metadata_get_model_info (void);

G_END_DECLS
