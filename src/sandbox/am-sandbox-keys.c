/* am-sandbox-keys.c: real key pairs for CreateKeyPair (OpenSSL), in the formats EC2 returns
 * Copyright 2026 The Amiable authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "am-sandbox"

#include "config.h"

#include <string.h>

#include <gio/gio.h>
#include <openssl/bio.h>
#include <openssl/bn.h>
#include <openssl/core_names.h>
#include <openssl/encoder.h>
#include <openssl/evp.h>
#include <openssl/pem.h>

#include "am-sandbox-private.h"

static void
put_u32 (GByteArray *out,
         guint32     value)
{
  guint8 b[4] = { value >> 24, value >> 16, value >> 8, value };

  g_byte_array_append (out, b, 4);
}

static void
put_string (GByteArray   *out,
            const guint8 *data,
            gsize         length)
{
  put_u32 (out, length);
  g_byte_array_append (out, data, length);
}

static gboolean
put_mpint (GByteArray *out,
           EVP_PKEY   *pkey,
           const char *param)
{
  BIGNUM *bn = NULL;
  g_autofree guint8 *bytes = NULL;
  int n;

  if (!EVP_PKEY_get_bn_param (pkey, param, &bn))
    return FALSE;
  n = BN_num_bytes (bn);
  bytes = g_malloc0 (n + 1);
  BN_bn2bin (bn, bytes + 1);
  BN_free (bn);
  /* A leading zero keeps the number positive when its top bit is set. */
  if (n > 0 && (bytes[1] & 0x80))
    put_string (out, bytes, n + 1);
  else
    put_string (out, bytes + 1, n);
  return TRUE;
}

static char *
bio_to_string (BIO *bio)
{
  char *data = NULL;
  long length = BIO_get_mem_data (bio, &data);

  return g_strndup (data, length);
}

static char *
hex_colons (const guint8 *digest,
            gsize         length)
{
  GString *s = g_string_new (NULL);

  for (gsize i = 0; i < length; i++)
    g_string_append_printf (s, i ? ":%02x" : "%02x", digest[i]);
  return g_string_free (s, FALSE);
}

gboolean
_am_sb_generate_key_pair (const char  *key_type,
                          gboolean     fast,
                          char       **private_pem,
                          char       **public_openssh,
                          char       **fingerprint,
                          GError     **error)
{
  gboolean rsa = strcmp (key_type, "rsa") == 0 && !fast;
  g_autoptr (GByteArray) blob = g_byte_array_new ();
  g_autofree char *blob64 = NULL;
  EVP_PKEY *pkey;
  BIO *bio;
  gboolean ok = FALSE;

  pkey = rsa ? EVP_PKEY_Q_keygen (NULL, NULL, "RSA", (size_t) 2048)
             : EVP_PKEY_Q_keygen (NULL, NULL, "ED25519");
  if (pkey == NULL)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, "OpenSSL could not generate a %s key", key_type);
      return FALSE;
    }

  bio = BIO_new (BIO_s_mem ());
  if (rsa)
    {
      /* EC2 hands out RSA keys as PKCS#1 ("BEGIN RSA PRIVATE KEY"). */
      OSSL_ENCODER_CTX *ectx = OSSL_ENCODER_CTX_new_for_pkey (pkey, OSSL_KEYMGMT_SELECT_KEYPAIR,
                                                              "PEM", "type-specific", NULL);

      ok = ectx != NULL && OSSL_ENCODER_to_bio (ectx, bio);
      OSSL_ENCODER_CTX_free (ectx);
    }
  else
    ok = PEM_write_bio_PrivateKey (bio, pkey, NULL, NULL, 0, NULL, NULL);
  if (ok)
    *private_pem = bio_to_string (bio);
  BIO_free (bio);

  if (ok && rsa)
    {
      static const guint8 name[] = "ssh-rsa";
      OSSL_ENCODER_CTX *ectx = OSSL_ENCODER_CTX_new_for_pkey (pkey, OSSL_KEYMGMT_SELECT_KEYPAIR,
                                                              "DER", "PrivateKeyInfo", NULL);
      unsigned char *der = NULL;
      size_t der_len = 0;

      put_string (blob, name, 7);
      ok = put_mpint (blob, pkey, OSSL_PKEY_PARAM_RSA_E) && put_mpint (blob, pkey, OSSL_PKEY_PARAM_RSA_N);
      /* AWS's fingerprint of a key it created: SHA-1 of the PKCS#8 DER private key. */
      ok = ok && ectx != NULL && OSSL_ENCODER_to_data (ectx, &der, &der_len);
      OSSL_ENCODER_CTX_free (ectx);
      if (ok)
        {
          guint8 digest[20];
          gsize digest_len = sizeof digest;
          g_autoptr (GChecksum) sum = g_checksum_new (G_CHECKSUM_SHA1);

          g_checksum_update (sum, der, der_len);
          g_checksum_get_digest (sum, digest, &digest_len);
          *fingerprint = hex_colons (digest, digest_len);
          OPENSSL_clear_free (der, der_len);
        }
    }
  else if (ok)
    {
      static const guint8 name[] = "ssh-ed25519";
      guint8 raw[32];
      size_t raw_len = sizeof raw;

      put_string (blob, name, 11);
      ok = EVP_PKEY_get_raw_public_key (pkey, raw, &raw_len);
      if (ok)
        {
          guint8 digest[32];
          gsize digest_len = sizeof digest;
          g_autoptr (GChecksum) sum = g_checksum_new (G_CHECKSUM_SHA256);
          char *b64;

          put_string (blob, raw, raw_len);
          g_checksum_update (sum, blob->data, blob->len);
          g_checksum_get_digest (sum, digest, &digest_len);
          b64 = g_base64_encode (digest, digest_len);
          *fingerprint = b64;
        }
    }
  if (ok)
    {
      blob64 = g_base64_encode (blob->data, blob->len);
      *public_openssh = g_strdup_printf ("%s %s", rsa ? "ssh-rsa" : "ssh-ed25519", blob64);
    }
  else
    {
      g_clear_pointer (private_pem, g_free);
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, "OpenSSL could not encode the %s key", key_type);
    }
  EVP_PKEY_free (pkey);
  return ok;
}
