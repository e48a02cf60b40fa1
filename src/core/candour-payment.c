/* candour-payment.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "candour-payment.h"
#include "candour-column.h"

struct _CandourPayment
{
  GObject parent_instance;

  char *ref;
  char *agreement_ref;
  char *payer_name;
  char *payee_name;
  gint64 amount;
  char *amount_text;
  char *paid_on;
  char *paid_on_text;
  char *invoiced_on;
  char *invoiced_on_text;
  gint64 days_to_pay;
  gint64 id;
};

G_DEFINE_FINAL_TYPE (CandourPayment, candour_payment, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_REF,
  PROP_AGREEMENT_REF,
  PROP_PAYER_NAME,
  PROP_PAYEE_NAME,
  PROP_AMOUNT,
  PROP_AMOUNT_TEXT,
  PROP_PAID_ON,
  PROP_PAID_ON_TEXT,
  PROP_INVOICED_ON,
  PROP_INVOICED_ON_TEXT,
  PROP_DAYS_TO_PAY,
  PROP_ID,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
candour_payment_finalize (GObject *object)
{
  CandourPayment *self = (CandourPayment *)object;

  g_free (self->ref);
  g_free (self->agreement_ref);
  g_free (self->payer_name);
  g_free (self->payee_name);
  g_free (self->amount_text);
  g_free (self->paid_on);
  g_free (self->paid_on_text);
  g_free (self->invoiced_on);
  g_free (self->invoiced_on_text);

  G_OBJECT_CLASS (candour_payment_parent_class)->finalize (object);
}

static void
candour_payment_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  CandourPayment *self = CANDOUR_PAYMENT (object);

  switch (prop_id)
    {
    case PROP_REF:
      g_value_set_string (value, self->ref);
      break;

    case PROP_AGREEMENT_REF:
      g_value_set_string (value, self->agreement_ref);
      break;

    case PROP_PAYER_NAME:
      g_value_set_string (value, self->payer_name);
      break;

    case PROP_PAYEE_NAME:
      g_value_set_string (value, self->payee_name);
      break;

    case PROP_AMOUNT:
      g_value_set_int64 (value, self->amount);
      break;

    case PROP_AMOUNT_TEXT:
      g_value_set_string (value, self->amount_text);
      break;

    case PROP_PAID_ON:
      g_value_set_string (value, self->paid_on);
      break;

    case PROP_PAID_ON_TEXT:
      g_value_set_string (value, self->paid_on_text);
      break;

    case PROP_INVOICED_ON:
      g_value_set_string (value, self->invoiced_on);
      break;

    case PROP_INVOICED_ON_TEXT:
      g_value_set_string (value, self->invoiced_on_text);
      break;

    case PROP_DAYS_TO_PAY:
      g_value_set_int64 (value, self->days_to_pay);
      break;

    case PROP_ID:
      g_value_set_int64 (value, self->id);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
candour_payment_class_init (CandourPaymentClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = candour_payment_finalize;
  object_class->get_property = candour_payment_get_property;

  properties[PROP_REF] =
    g_param_spec_string ("ref", NULL, "Reference", NULL,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_AGREEMENT_REF] =
    g_param_spec_string ("agreement-ref", NULL, "Contract or subcontract paid against", NULL,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_PAYER_NAME] =
    g_param_spec_string ("payer-name", NULL, "Payer", NULL,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_PAYEE_NAME] =
    g_param_spec_string ("payee-name", NULL, "Payee", NULL,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_AMOUNT] =
    g_param_spec_int64 ("amount", NULL, "Amount", G_MININT64, G_MAXINT64, -1,
                        G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_AMOUNT_TEXT] =
    g_param_spec_string ("amount-text", NULL, "Amount, for people", NULL,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_PAID_ON] =
    g_param_spec_string ("paid-on", NULL, "Paid", NULL,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_PAID_ON_TEXT] =
    g_param_spec_string ("paid-on-text", NULL, "Paid, for people", NULL,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_INVOICED_ON] =
    g_param_spec_string ("invoiced-on", NULL, "Invoiced", NULL,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_INVOICED_ON_TEXT] =
    g_param_spec_string ("invoiced-on-text", NULL, "Invoiced, for people", NULL,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_DAYS_TO_PAY] =
    g_param_spec_int64 ("days-to-pay", NULL, "Days from invoice to payment", G_MININT64, G_MAXINT64, -1,
                        G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  properties[PROP_ID] =
    g_param_spec_int64 ("id", NULL, "The payment's id in the database", 0, G_MAXINT64, 0,
                        G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
candour_payment_init (CandourPayment *self)
{
}

CandourPayment *
candour_payment_new_from_query (CandourQuery *query)
{
  CandourPayment *self;

  g_return_val_if_fail (query != NULL, NULL);

  self = g_object_new (CANDOUR_TYPE_PAYMENT, NULL);
  self->ref = candour_query_dup_text (query, "ref");
  self->agreement_ref = candour_query_dup_text (query, "agreement_ref");
  self->payer_name = candour_query_dup_text (query, "payer_name");
  self->payee_name = candour_query_dup_text (query, "payee_name");
  self->amount = candour_query_get_int64_or (query, "amount", -1);
  self->amount_text = candour_column_money_display (query, "amount");
  self->paid_on = candour_query_dup_text (query, "paid_on");
  self->paid_on_text = candour_column_date_display (query, "paid_on");
  self->invoiced_on = candour_query_dup_text (query, "invoiced_on");
  self->invoiced_on_text = candour_column_date_display (query, "invoiced_on");
  self->days_to_pay = candour_query_get_int64_or (query, "days_to_pay", -1);
  self->id = candour_query_get_int64 (query, "id");
  return self;
}

gint64
candour_payment_get_id (CandourPayment *self)
{
  g_return_val_if_fail (CANDOUR_IS_PAYMENT (self), 0);
  return self->id;
}

const char *
candour_payment_get_ref (CandourPayment *self)
{
  g_return_val_if_fail (CANDOUR_IS_PAYMENT (self), NULL);
  return self->ref;
}

const char *
candour_payment_get_agreement_ref (CandourPayment *self)
{
  g_return_val_if_fail (CANDOUR_IS_PAYMENT (self), NULL);
  return self->agreement_ref;
}

const char *
candour_payment_get_payer_name (CandourPayment *self)
{
  g_return_val_if_fail (CANDOUR_IS_PAYMENT (self), NULL);
  return self->payer_name;
}

const char *
candour_payment_get_payee_name (CandourPayment *self)
{
  g_return_val_if_fail (CANDOUR_IS_PAYMENT (self), NULL);
  return self->payee_name;
}

gint64
candour_payment_get_amount (CandourPayment *self)
{
  g_return_val_if_fail (CANDOUR_IS_PAYMENT (self), -1);
  return self->amount;
}

const char *
candour_payment_get_paid_on (CandourPayment *self)
{
  g_return_val_if_fail (CANDOUR_IS_PAYMENT (self), NULL);
  return self->paid_on;
}

const char *
candour_payment_get_invoiced_on (CandourPayment *self)
{
  g_return_val_if_fail (CANDOUR_IS_PAYMENT (self), NULL);
  return self->invoiced_on;
}

gint64
candour_payment_get_days_to_pay (CandourPayment *self)
{
  g_return_val_if_fail (CANDOUR_IS_PAYMENT (self), -1);
  return self->days_to_pay;
}
