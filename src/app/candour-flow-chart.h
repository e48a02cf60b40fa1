/* candour-flow-chart.h: where a contract's money goes
 *
 * Commissioner → lead provider → partners, as bands whose widths are in proportion to
 * the money: the whole contract from the commissioner to the lead, then a band to each
 * partner for what the lead subcontracted to it, and the part the lead kept. Smaller
 * organisations, larger ones and the lead's own part each have their colour and a
 * legend; every band is labelled with its sum and share, and the whole picture is also
 * a paragraph of text (candour_flow_chart_describe(), the accessible description).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "candour-chart-util.h"

G_BEGIN_DECLS

#define CANDOUR_TYPE_FLOW_CHART (candour_flow_chart_get_type ())

G_DECLARE_FINAL_TYPE (CandourFlowChart, candour_flow_chart, CANDOUR, FLOW_CHART, GtkWidget)

GtkWidget  *candour_flow_chart_new                (void);

/* Starts again: the commissioner pays the lead value (pence) under the contract. */
void        candour_flow_chart_set_contract       (CandourFlowChart *self,
                                                   const char       *contract_ref,
                                                   const char       *commissioner,
                                                   const char       *lead,
                                                   gint64            value);
/* What the lead subcontracted to one partner (all its subcontracts together). */
void        candour_flow_chart_add_partner        (CandourFlowChart *self,
                                                   const char       *name,
                                                   gint64            value,
                                                   gboolean          smaller);

guint       candour_flow_chart_get_n_partners     (CandourFlowChart *self);
const char *candour_flow_chart_get_partner_name   (CandourFlowChart *self,
                                                   guint             partner);
gint64      candour_flow_chart_get_partner_value  (CandourFlowChart *self,
                                                   guint             partner);
gint64      candour_flow_chart_get_value          (CandourFlowChart *self);
/* The contract's value less what was subcontracted; negative when the lead
 * subcontracted more than the contract is worth. */
gint64      candour_flow_chart_get_retained       (CandourFlowChart *self);

/* The picture in words: "NHS Pennine Vale ICB pays Kindred Pathways £2,400,000.00. …" */
char       *candour_flow_chart_describe           (CandourFlowChart *self);

void        candour_flow_chart_draw               (CandourFlowChart       *self,
                                                   cairo_t                *cr,
                                                   double                  width,
                                                   double                  height,
                                                   const CandourChartLook *look);

G_END_DECLS
