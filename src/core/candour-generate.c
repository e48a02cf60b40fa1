/* candour-generate.c: a made-up country's voluntary sector at national scale
 *
 * The dataset is built in stages (places and organisations, consortia, bids, contracts,
 * subcontracts, payments), each drawing from its own stream of one seeded xoshiro256**
 * generator, so that changing how one stage draws leaves the earlier stages as they
 * were. Money is whole pence, dates are day numbers and percentages basis points: the
 * only floating point is the scale, turned once into parts per million. That is what
 * makes the files byte-identical on every machine.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* O_CLOEXEC, O_DIRECTORY and lstat() under -std=c17. */
#define _POSIX_C_SOURCE 200809L

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <gio/gunixoutputstream.h>
#include <glib/gstdio.h>

#include "candour-csv-writer.h"
#include "candour-generate.h"
#include "candour-import-rules-private.h"
#include "candour-money.h"
#include "candour-reports.h"

/* Random numbers */

typedef struct
{
  guint64 s[4];
} Rng;

/* The stages, each with its own stream. */
enum
{
  STAGE_PLACES = 1,
  STAGE_ORGANISATIONS,
  STAGE_CONSORTIA,
  STAGE_BIDS,
  STAGE_CONTRACTS,
  STAGE_SUBCONTRACTS,
  STAGE_PAYMENTS,
};

static guint64
splitmix64 (guint64 *state)
{
  guint64 z = (*state += G_GUINT64_CONSTANT (0x9E3779B97F4A7C15));

  z = (z ^ (z >> 30)) * G_GUINT64_CONSTANT (0xBF58476D1CE4E5B9);
  z = (z ^ (z >> 27)) * G_GUINT64_CONSTANT (0x94D049BB133111EB);
  return z ^ (z >> 31);
}

static void
rng_init (Rng     *rng,
          guint64  seed,
          guint64  stage)
{
  guint64 state = seed;
  guint64 stream = splitmix64 (&state) ^ (stage * G_GUINT64_CONSTANT (0xD1B54A32D192ED03));

  for (guint i = 0; i < G_N_ELEMENTS (rng->s); i++)
    rng->s[i] = splitmix64 (&stream);
}

static inline guint64
rotate_left (guint64 x,
             int     k)
{
  return (x << k) | (x >> (64 - k));
}

static guint64
rng_next (Rng *rng)
{
  guint64 *s = rng->s;
  guint64 result = rotate_left (s[1] * 5, 7) * 9;
  guint64 t = s[1] << 17;

  s[2] ^= s[0];
  s[3] ^= s[1];
  s[1] ^= s[2];
  s[0] ^= s[3];
  s[2] ^= t;
  s[3] = rotate_left (s[3], 45);
  return result;
}

/* Uniform in [0, n): draws below 2^64 mod n are thrown away so no value is favoured. */
static guint64
rng_below (Rng     *rng,
           guint64  n)
{
  guint64 threshold;
  guint64 r;

  g_assert (n > 0);
  threshold = (0 - n) % n;
  do
    r = rng_next (rng);
  while (r < threshold);
  return r % n;
}

/* Uniform in [low, high], both included. */
static gint64
rng_between (Rng    *rng,
             gint64  low,
             gint64  high)
{
  g_assert (low <= high);
  return low + (gint64)rng_below (rng, (guint64)(high - low) + 1);
}

static gboolean
rng_per_mille (Rng   *rng,
               guint  per_mille)
{
  return rng_below (rng, 1000) < per_mille;
}

static guint
rng_weighted (Rng         *rng,
              const guint *weights,
              guint        n)
{
  guint total = 0;
  guint64 r;

  for (guint i = 0; i < n; i++)
    total += weights[i];
  r = rng_below (rng, total);
  for (guint i = 0; i < n; i++)
    {
      if (r < weights[i])
        return i;
      r -= weights[i];
    }
  g_assert_not_reached ();
}

#define PICK(rng, array) ((array)[rng_below ((rng), G_N_ELEMENTS (array))])

/* A random order of 0..n-1 (Fisher–Yates). */
static guint32 *
shuffled_indices (Rng   *rng,
                  guint  n)
{
  guint32 *order = g_new (guint32, MAX (n, 1));

  for (guint i = 0; i < n; i++)
    order[i] = i;
  for (guint i = n; i > 1; i--)
    {
      guint j = rng_below (rng, i);
      guint32 swap = order[i - 1];

      order[i - 1] = order[j];
      order[j] = swap;
    }
  return order;
}

/* Dates, as days since 1970-01-01 (Howard Hinnant's civil calendar algorithms) */

#define NO_DATE G_MININT32

static gint32
days_from_civil (int year,
                 int month,
                 int day)
{
  int era, year_of_era, day_of_year, day_of_era;

  year -= month <= 2;
  era = (year >= 0 ? year : year - 399) / 400;
  year_of_era = year - era * 400;
  day_of_year = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1;
  day_of_era = year_of_era * 365 + year_of_era / 4 - year_of_era / 100 + day_of_year;
  return era * 146097 + day_of_era - 719468;
}

static void
civil_from_days (gint32  days,
                 int    *out_year,
                 int    *out_month,
                 int    *out_day)
{
  int z = days + 719468;
  int era = (z >= 0 ? z : z - 146096) / 146097;
  int day_of_era = z - era * 146097;
  int year_of_era = (day_of_era - day_of_era / 1460 + day_of_era / 36524 - day_of_era / 146096) / 365;
  int day_of_year = day_of_era - (365 * year_of_era + year_of_era / 4 - year_of_era / 100);
  int shifted_month = (5 * day_of_year + 2) / 153;

  *out_day = day_of_year - (153 * shifted_month + 2) / 5 + 1;
  *out_month = shifted_month < 10 ? shifted_month + 3 : shifted_month - 9;
  *out_year = year_of_era + era * 400 + (*out_month <= 2);
}

/* Services and contracts usually start on the first of a month. */
static gint32
first_of_next_month (gint32 days)
{
  int year, month, day;

  civil_from_days (days, &year, &month, &day);
  if (day == 1)
    return days;
  return month == 12 ? days_from_civil (year + 1, 1, 1) : days_from_civil (year, month + 1, 1);
}

/* The day before the same date `years` later: the last day of a contract of that length. */
static gint32
last_day_after_years (gint32 start,
                      int    years)
{
  int year, month, day;

  civil_from_days (start, &year, &month, &day);
  if (month == 2 && day == 29)
    day = 28;
  return days_from_civil (year + years, month, day) - 1;
}

/* The timeline: bids over the ten years to the snapshot. */
#define SNAPSHOT_DAY  days_from_civil (2026, 6, 30)
#define FIRST_BID_DAY days_from_civil (2016, 7, 1)

/* Amounts */

#define NO_MONEY G_MININT64
#define POUNDS(n) ((gint64)(n) * 100)

/* 10^(k/32) × 10,000 for k = 0..32: log-uniform draws within a decade, in integers. */
static const guint decade_steps[] = {
  10000, 10746, 11548, 12409, 13335, 14330, 15399, 16548, 17783, 19110, 20535,
  22067, 23714, 25483, 27384, 29427, 31623, 33982, 36517, 39242, 42170, 45316,
  48697, 52330, 56234, 60430, 64938, 69783, 74989, 80584, 86596, 93057, 100000,
};

/* Pence between `pounds` and ten times it, evenly spread on a log scale, as incomes and
 * contract values are. */
static gint64
log_uniform_pence (Rng    *rng,
                   gint64  pounds)
{
  guint step = rng_below (rng, G_N_ELEMENTS (decade_steps) - 1);
  gint64 low = decade_steps[step];
  gint64 mantissa = rng_between (rng, low, decade_steps[step + 1] - 1);

  return POUNDS (pounds) * mantissa / 10000;
}

/* Rounded to the nearest `unit` pence, halves up (all values here are positive). */
static gint64
round_to (gint64 pence,
          gint64 unit)
{
  return (pence + unit / 2) / unit * unit;
}

/* The names of things */

/* Places: first parts and second parts combine into towns, boroughs and counties. */
static const char * const place_firsts[] = {
  "Harrow", "Calder", "Tallow", "Amber", "Corran", "Ebber", "Fallow", "Garth", "Hollin",
  "Ketter", "Lanner", "Morrow", "Nettle", "Orrin", "Pellow", "Quarry", "Rook", "Sallow",
  "Tarrow", "Umber", "Vesper", "Wren", "Yarrow", "Brack", "Cinder", "Dunmer", "Elder",
  "Fern", "Gorse", "Heather", "Juniper", "Kestrel", "Larch", "Mallow", "Oster", "Raven",
  "Sedge", "Thistle", "Wold", "Alder", "Cobble", "Dove", "Ember", "Flint", "Greystone",
  "Hazel", "Marden", "Pennock",
};

static const char * const place_seconds[] = {
  "field", "bridge", "mere", "ford", "ton", "by", "ham", "wick", "dale", " Vale",
  "stow", "borough", "leigh", "hurst", "combe", "thorpe", " Moor", "well", "worth",
  "cester", "holme", "minster", "brook", "stead", "gate", " Cross", "haven", "bury",
  "wood", "ley", " Heath", "side",
};

/* Neighbourhoods within a place, where local groups take their names from. */
static const char * const neighbourhood_firsts[] = {
  "East", "West", "North", "South", "Old", "New", "High", "Mill", "Church", "Castle",
  "Market", "Kings", "Abbey", "Spring", "Green", "Stone", "Cold", "Brook", "Ash", "Oak",
  "Elm", "Holly", "Hawthorn", "Marsh", "Fair", "Bright", "Burn", "Chapel", "Cherry",
  "Clay", "Cross", "Deep", "Fox", "Glen", "Hay", "Lark", "Long", "Moss", "Park", "Pine",
  "Red", "Rose", "Sand", "Shaw", "Silver", "Thorn", "White", "Bell", "Copper", "Dale",
  "Lime",
};

static const char * const neighbourhood_seconds[] = {
  "field", "gate", "brook", "lands", "side", "wood", "ton", "hill", " End", " Green",
  "moor", "croft", "lea", "bank", "fold", "well", "hurst", "dene", "royd", "thorpe",
  "holme", "stead", " Park", " Vale",
};

/* Made-up brand names for companies and social enterprises. */
static const char * const brand_firsts[] = {
  "Cor", "Val", "Ster", "Mer", "Ald", "Bel", "Cal", "Dor", "Ev", "Fal", "Hal", "Lum",
  "Nov", "Or", "Pel", "Quin", "Sol", "Tor", "Ver", "Zen", "Ast", "Bryn", "Cyn", "Del",
};

static const char * const brand_seconds[] = {
  "vane", "ora", "ion", "ex", "ant", "ara", "well", "ford", "wyn", "is", "ent", "ico",
  "ava", "ton", "ley", "ris",
};

/* Words national charities name themselves with. */
static const char * const charity_words[] = {
  "Kindred", "Brightwater", "Clearway", "Open Road", "Common Ground", "Harbourlight",
  "Beaconside", "Lantern", "Compass Point", "Keystone", "Meridian", "Northstar",
  "Riverside", "Hearthstone", "Safe Haven", "Threshold", "Waymark", "Milestone",
  "Bridgeway", "Cornerstone", "Evergreen", "Far Horizon", "Kinship", "Tidewater",
  "Pathfinder", "Stepping Stones", "Wayfinder", "Greenlight", "Silverbirch", "Wellspring",
};

static const char * const charity_nouns[] = {
  "Pathways", "Trust", "Foundation", "Care", "Futures", "Partnership", "Support",
  "Network", "Group", "Charity", "Together", "Lives",
};

static const char * const company_sectors[] = {
  "Support Services", "Employment Solutions", "Health Partners", "Care Group",
  "Justice Services", "Outsourcing", "Training Services", "Facilities Management",
  "Community Services", "Workforce Solutions",
};

/* What local charities do, as their names say. */
static const char * const charity_focuses[] = {
  "Carers' Centre", "Women's Aid", "Refugee Welcome", "Food Bank", "Community Advice Centre",
  "Mental Health Forum", "Deaf Community Centre", "Youth Project", "Older People's Forum",
  "Disability Rights", "Hearing Voices Group", "Recovery Café", "Community Transport",
  "Befriending Scheme", "Domestic Abuse Service", "Young Carers", "Autism Support",
  "Parent Carer Forum", "Homeless Project", "Night Shelter", "Bereavement Support",
  "Dementia Support", "Sight Loss Support", "Learning Disability Partnership",
  "Counselling Service", "Family Support Network", "Community Garden Trust",
  "Adventure Playground", "Arts Project", "Sports Trust", "Debt Advice", "Law Centre",
  "Pensioners' Association", "Stroke Club", "Cancer Support", "Veterans' Hub",
  "LGBT+ Switchboard", "Men's Mental Health Project", "Community Crèche", "Hospice",
  "Community Association", "Heritage Trust", "Family Centre", "Wellbeing Hub",
  "Breastfeeding Network", "Furniture Bank", "Baby Bank", "Refugee Forum",
  "Asylum Seeker Support", "Carers' Network", "Mental Health Carers", "Rural Transport",
  "Community Radio", "Drop-in Centre", "Survivors' Network", "Peer Support Network",
  "Youth Theatre", "Parkinson's Support", "Hoarding Support", "Recovery Network",
  "Wellbeing College", "Shopmobility", "Victim Support Scheme", "Welfare Rights Unit",
};

typedef struct
{
  const char *name;
  const char *led_by;
} Community;

/* Organisations of and for a community, led by it. */
static const Community communities[] = {
  { "Somali Community Link", "led by and for the Somali community" },
  { "Bangladeshi Women's Association", "led by and for Bangladeshi women" },
  { "Polish Community Centre", "led by and for the Polish community" },
  { "Caribbean Elders' Association", "led by and for Caribbean elders" },
  { "Chinese Community Centre", "led by and for the Chinese community" },
  { "Kurdish Community Association", "led by and for the Kurdish community" },
  { "Roma Support Group", "led by and for Roma people" },
  { "Irish Welfare Association", "led by and for the Irish community" },
  { "Ukrainian Welcome Centre", "led by and for Ukrainian people" },
  { "Sudanese Community Association", "led by and for the Sudanese community" },
  { "Punjabi Elders' Day Centre", "led by and for Punjabi elders" },
  { "Gypsy and Traveller Support", "led by Gypsy and Traveller people" },
  { "Vietnamese Community Association", "led by and for the Vietnamese community" },
  { "Eritrean Community Link", "led by and for the Eritrean community" },
  { "Disabled People's Forum", "led by disabled people" },
  { "Deaf Club", "led by Deaf people" },
};

static const char * const community_groups[] = {
  "Residents' Association", "Tenants' and Residents' Association", "Men's Shed",
  "Knit and Natter", "Walking Group", "Allotment Society", "Toddler Group", "Lunch Club",
  "Community Choir", "Litter Pickers", "Community Pantry", "Mutual Aid", "Youth Club",
  "Dementia Café", "Bowls Club", "Mums' Group", "Chess Club", "Gardening Club",
  "Community Fridge", "Repair Group", "Carers' Coffee Morning", "Stroke Club", "Film Club",
  "Over-60s Club", "Community Orchard", "Bike Club", "Baby and Toddler Club", "Book Club",
  "Cancer Support Group", "Women's Group", "Neighbourhood Watch", "Street Party Committee",
};

static const char * const enterprise_trades[] = {
  "Community Kitchen", "Bike Works", "Growing Project", "Repair Café", "Print Works",
  "Community Energy", "Furniture Project", "Catering", "Laundry", "Training", "Wellbeing",
  "Employment", "Cleaning Co-operative", "Community Café",
};

static const char * const company_trades[] = {
  "Consulting", "Training", "Associates", "Interpreting", "Security", "Home Care",
  "Cleaning Services", "Taxis", "Recruitment", "Evaluation",
};

static const char * const other_bodies[] = {
  "Mosque Welfare Committee", "Gurdwara Langar Project", "Quaker Meeting",
  "Synagogue Care Committee", "Methodist Mission", "Credit Union", "Mutual Society",
  "Masonic Charity", "Round Table", "Rotary Club",
};

static const char * const saints[] = {
  "Mary", "John", "Peter", "Luke", "Michael", "Anne", "Chad", "Aidan", "Hilda",
  "Margaret", "Paul", "Andrew", "Cuthbert", "Bride",
};

static const char * const led_by_phrases[] = {
  "community-led", "user-led", "led by disabled people", "led by people with lived experience of homelessness",
  "led by people with lived experience of mental ill health", "led by young people", "led by older people",
  "led by and for women", "led by and for Black and minoritised communities", "led by and for LGBTQ+ people",
  "volunteer-run", "member-owned co-operative", "staff-owned", "professionally led",
  "led by carers", "led by people in recovery",
};

static const char * const partner_notes[] = {
  "Accounts overdue at the Charity Commission.",
  "Runs from a community centre on weekdays; no office of its own.",
  "Trustees include two local councillors.",
  "Merged with a neighbouring group in 2023; the old registration is kept.",
  "Volunteer-run, no paid staff.",
  "Registered office moved in 2024.",
  "Income fell sharply when a grant ended, so reserves are low.",
  "Main contact is the chair, by phone; no shared inbox.",
  "Delivers in Bengali, Sylheti and Urdu as well as English.",
  "Also a hate crime reporting centre.",
};

static const char * const lead_notes[] = {
  "Prime provider on several national frameworks.",
  "Subsidiary of a listed outsourcing group.",
  "Registered provider of social housing.",
  "Works through supply chains of local partners.",
  "Holds a Quality Mark for advice services.",
  "Group structure: charity, trading company and a housing subsidiary.",
};

static const char * const consortium_notes[] = {
  "Partners were asked for case studies and letters of support; no partnership agreement was drafted.",
  "MoU signed by all members; fees shared by caseload.",
  "Members paid within 14 days of invoice.",
  "Due diligence on new members still under way.",
  "Formed for one tender; meets quarterly since.",
  "Hosted by the local infrastructure body, which keeps the register.",
};

static const char * const consortium_themes[] = {
  "Wellbeing", "Advice", "Carers and Families", "Homelessness", "Employment", "Recovery",
  "Early Help", "Domestic Abuse", "Older People's", "Youth", "Mental Health", "Refugee",
};

static const char * const services[] = {
  "Community Mental Health and Wellbeing Service", "Carers Support Service",
  "Advice and Financial Inclusion Service", "Housing-Related Support",
  "Domestic Abuse Support Service", "Social Prescribing Link Worker Service",
  "Employment and Skills Support", "Drug and Alcohol Recovery Service",
  "Early Help Family Hubs", "Children and Young People's Mental Health Service",
  "Healthy Lifestyles Service", "Homelessness Prevention Service",
  "Refugee Resettlement Support", "Community Transport", "Dementia Support Service",
  "Stop Smoking Service", "Sexual Health Outreach", "Befriending and Loneliness Service",
  "Armed Forces Veterans' Support", "Learning Disability Day Opportunities",
  "Youth Justice Prevention", "Hospital Discharge Support",
  "Suicide Prevention and Crisis Café", "Welfare Rights Service", "Autism Support Service",
  "Rough Sleeping Outreach", "Independent Advocacy Service", "Sensory Impairment Service",
  "Falls Prevention Service", "Digital Inclusion Programme",
};

static const char * const direct_services[] = {
  "Voluntary sector infrastructure support", "Community grants administration",
  "Winter warmth outreach", "Holiday activities and food", "Household Support Fund delivery",
  "Volunteer brokerage", "Community hub pilot", "Cost of living advice surge",
};

static const char * const roles[] = {
  "peer support", "outreach", "advice sessions", "befriending", "volunteer placements",
  "community venue", "BSL interpretation", "culturally appropriate counselling",
  "referrals and signposting", "specialist domestic abuse support", "ESOL classes",
  "employment coaching", "welfare benefits advice", "debt advice casework",
  "group activities", "lived-experience advisory panel", "evaluation",
  "training for staff", "carers' assessments", "home visits", "transport",
  "food parcels", "digital inclusion", "youth work", "social prescribing link workers",
  "recovery cafés", "hearing voices groups", "green social prescribing",
  "outreach in community languages", "crisis café evenings",
};

/* Keywords, in the words of the import format */

typedef enum
{
  KIND_CHARITY,
  KIND_SOCIAL_ENTERPRISE,
  KIND_CIC,
  KIND_COMMUNITY_GROUP,
  KIND_HOUSING_ASSOCIATION,
  KIND_LOCAL_AUTHORITY,
  KIND_NHS_BODY,
  KIND_PUBLIC_BODY,
  KIND_PRIVATE_COMPANY,
  KIND_INFRASTRUCTURE_BODY,
  KIND_OTHER,
} Kind;

static const char * const kind_words[] = {
  "charity", "social_enterprise", "cic", "community_group", "housing_association",
  "local_authority", "nhs_body", "public_body", "private_company", "infrastructure_body",
  "other",
};

typedef enum
{
  LOCALITY_NOT_RECORDED,
  LOCALITY_LOCAL,
  LOCALITY_REGIONAL,
  LOCALITY_NATIONAL,
} Locality;

static const char * const locality_words[] = { NULL, "local", "regional", "national" };

typedef enum
{
  MODEL_PRIME,
  MODEL_CONSORTIUM,
  MODEL_ALLIANCE,
  MODEL_JOINT_VENTURE,
  MODEL_NETWORK,
} Model;

static const char * const model_words[] = { "prime", "consortium", "alliance", "joint_venture", "network" };
static const char * const model_names[] = { "Supply Chain", "Partnership", "Alliance", "Joint Venture", "Network" };

typedef enum
{
  OUTCOME_WON,
  OUTCOME_LOST,
  OUTCOME_WITHDRAWN,
  OUTCOME_PENDING,
} Outcome;

static const char * const outcome_words[] = { "won", "lost", "withdrawn", "pending" };

typedef enum
{
  CONSENT_YES,
  CONSENT_NO,
  CONSENT_UNKNOWN,
} Consent;

static const char * const consent_words[] = { "yes", "no", "unknown" };

/* How a lead provider pays a partner: what share of what is due reaches it, how late. */
typedef enum
{
  PAYER_PROMPT,
  PAYER_SLOW,
  PAYER_POOR,
  PAYER_GENEROUS,
} Payer;

/* The records */

typedef struct
{
  const char *name;
  const char *org_id;
  const char *led_by;
  const char *notes;
  gint64 income;                /* pence, or NO_MONEY */
  guint32 number;               /* ORG-nnnnnn */
  guint16 area;
  guint8 kind;
  guint8 locality;
} Organisation;

typedef struct
{
  const char *name;
  const char *notes;
  gint32 lead;                  /* organisation, or -1 */
  gint32 formed;
  gint32 agreement_on;
  guint32 first_member;
  guint32 n_members;
  guint16 area;
  guint8 model;
  guint8 agreement;
  guint8 due_diligence;
} Consortium;

typedef struct
{
  guint32 organisation;
  gint32 joined_on;
  gint32 left_on;
} Member;

typedef struct
{
  const char *title;
  gint64 value;                 /* or NO_MONEY */
  guint32 lead;
  guint32 commissioner;
  gint32 consortium;            /* or -1 */
  gint32 submitted_on;
  guint32 first_partner;
  guint16 area;
  guint8 n_partners;
  guint8 outcome;
} Bid;

typedef struct
{
  const char *role;
  gint64 promised_value;        /* or NO_MONEY */
  gint64 intended;              /* what the bid meant for the partner, promised or not */
  guint32 organisation;
  gint32 promised_share;        /* basis points, or -1 */
  guint8 consent;
} BidPartner;

typedef struct
{
  const char *title;
  const char *model;
  gint64 value;
  gint64 small_income_limit;    /* or NO_MONEY */
  gint32 bid;                   /* or -1 for a direct award */
  guint32 lead;
  guint32 commissioner;
  guint32 number;
  gint32 start_on;
  gint32 end_on;
  gint32 required_small_share;  /* basis points, or -1 */
  guint16 area;
  guint8 name_parties;          /* write lead_ref and commissioner_ref though the bid gives them */
} Contract;

typedef struct
{
  gint64 value;
  guint32 contract;
  guint32 organisation;
  guint32 number;
  gint32 start_on;              /* in force: its own, or the contract's */
  gint32 end_on;
  gint16 terms;                 /* written; -1 leaves the default of 30 */
  guint8 write_start;
  guint8 write_end;
  guint8 payer;
} Subcontract;

#define PAYMENT_TO_CONTRACT 0x80000000u

typedef struct
{
  gint64 amount;
  guint32 target;               /* subcontract, or contract | PAYMENT_TO_CONTRACT */
  gint32 paid_on;
  gint32 invoiced_on;           /* or NO_DATE */
} Payment;

/* How many of everything, from the scale. */
typedef struct
{
  guint organisations;
  guint local_authorities;
  guint nhs_bodies;
  guint public_bodies;
  guint commissioners;
  guint leads;
  guint areas;
  guint consortia;
  guint bids;
  guint won;
  guint lost;
  guint withdrawn;
  guint pending;
  guint contracts;
  guint direct_awards;
  guint payments;
} Plan;

typedef struct
{
  Plan plan;
  guint64 seed;
  GCancellable *cancellable;

  GStringChunk *strings;
  GHashTable *names;
  GHashTable *org_ids;

  const char **places;

  Organisation *organisations;
  guint32 *by_number;           /* organisation at each ORG number - 1 */

  /* Partners by area (compressed rows: area_partners[area_start[a] .. area_start[a + 1]]),
   * commissioners by area the same way, and partners working beyond their area. */
  guint32 *area_start;
  guint32 *area_partners;
  guint32 *commissioner_start;
  guint32 *area_commissioners;
  GArray *wide_partners;
  guint64 *area_weights;        /* cumulative */

  guint64 *lead_weights;        /* cumulative Zipf weights of the leads, by rank */

  GArray *consortia;
  GArray *members;
  /* The consortia each lead provider bids through (compressed rows, by rank - 1). */
  guint32 *lead_consortium_start;
  guint32 *lead_consortia;
  GArray *bids;
  GArray *partners;
  GArray *contracts;
  GArray *subcontracts;
  guint32 *contract_order;      /* contract at each CON number - 1 */
  guint32 *subcontract_order;

  Payment *payments;
  guint n_payments;
  guint32 *payment_order;
} Generator;

static void
generator_free (Generator *self)
{
  /* Whatever the stage it stopped at. */
  g_clear_pointer (&self->strings, g_string_chunk_free);
  g_clear_pointer (&self->names, g_hash_table_unref);
  g_clear_pointer (&self->org_ids, g_hash_table_unref);
  g_free (self->places);
  g_free (self->organisations);
  g_free (self->by_number);
  g_free (self->area_start);
  g_free (self->area_partners);
  g_free (self->commissioner_start);
  g_free (self->area_commissioners);
  g_clear_pointer (&self->wide_partners, g_array_unref);
  g_free (self->area_weights);
  g_free (self->lead_weights);
  g_clear_pointer (&self->consortia, g_array_unref);
  g_clear_pointer (&self->members, g_array_unref);
  g_free (self->lead_consortium_start);
  g_free (self->lead_consortia);
  g_clear_pointer (&self->bids, g_array_unref);
  g_clear_pointer (&self->partners, g_array_unref);
  g_clear_pointer (&self->contracts, g_array_unref);
  g_clear_pointer (&self->subcontracts, g_array_unref);
  g_free (self->contract_order);
  g_free (self->subcontract_order);
  g_free (self->payments);
  g_free (self->payment_order);
  g_free (self);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Generator, generator_free)

#define ORGANISATION(self, i) (&(self)->organisations[i])
#define CONSORTIUM(self, i)   (&g_array_index ((self)->consortia, Consortium, (i)))
#define MEMBER(self, i)       (&g_array_index ((self)->members, Member, (i)))
#define BID(self, i)          (&g_array_index ((self)->bids, Bid, (i)))
#define PARTNER(self, i)      (&g_array_index ((self)->partners, BidPartner, (i)))
#define CONTRACT(self, i)     (&g_array_index ((self)->contracts, Contract, (i)))
#define SUBCONTRACT(self, i)  (&g_array_index ((self)->subcontracts, Subcontract, (i)))

/* Counts grow linearly with the scale, but never below a handful of each. */
static guint
scaled (gint64 parts_per_million,
        guint  base,
        guint  minimum)
{
  gint64 n = ((gint64)base * parts_per_million + 500000) / 1000000;

  return MAX ((guint)n, minimum);
}

static void
make_plan (Plan   *plan,
           double  scale)
{
  /* The one floating-point step, exact for every scale written with up to six decimals. */
  gint64 ppm = (gint64)(scale * 1000000.0 + 0.5);

  plan->organisations = scaled (ppm, 50000, 120);
  /* Six: three councils, so even the smallest country has three places. */
  plan->commissioners = scaled (ppm, 200, 6);
  plan->local_authorities = MAX (1, plan->commissioners * 60 / 100);
  plan->nhs_bodies = MAX (1, plan->commissioners * 25 / 100);
  plan->public_bodies = plan->commissioners - plan->local_authorities - plan->nhs_bodies;
  plan->leads = scaled (ppm, 500, 5);
  plan->areas = MIN (plan->local_authorities, G_N_ELEMENTS (place_firsts) * G_N_ELEMENTS (place_seconds));
  plan->consortia = scaled (ppm, 100, 3);

  plan->bids = scaled (ppm, 20000, 40);
  plan->won = plan->bids * 3 / 4;
  /* Bids still pending are those of the last four months or so. */
  plan->pending = plan->bids * 3 / 100;
  plan->withdrawn = plan->bids * 4 / 100;
  plan->lost = plan->bids - plan->won - plan->pending - plan->withdrawn;

  /* One won bid at least has no contract yet: its partners are pending. */
  plan->contracts = MIN (scaled (ppm, 15000, 30), plan->won);
  plan->direct_awards = MAX (1, plan->contracts / 100);

  plan->payments = scaled (ppm, 1000000, 500);
}

/* Strings and names */

static const char *
keep (Generator  *self,
      const char *text)
{
  return g_string_chunk_insert_const (self->strings, text);
}

/* The name, kept, if no other organisation (or consortium) has it yet; else NULL. */
static const char *
claim_name (Generator  *self,
            const char *name)
{
  char *kept;

  if (g_hash_table_contains (self->names, name))
    return NULL;
  kept = g_string_chunk_insert (self->strings, name);
  g_hash_table_add (self->names, kept);
  return kept;
}

static const char *
claim_org_id (Generator  *self,
              const char *org_id)
{
  char *kept;

  if (g_hash_table_contains (self->org_ids, org_id))
    return NULL;
  kept = g_string_chunk_insert (self->strings, org_id);
  g_hash_table_add (self->org_ids, kept);
  return kept;
}

static char *
brand_name (Rng *rng)
{
  return g_strconcat (PICK (rng, brand_firsts), PICK (rng, brand_seconds), NULL);
}

static char *
neighbourhood_name (Rng        *rng,
                    const char *place)
{
  /* Many groups are named after the whole town, the rest after a part of it. */
  if (rng_per_mille (rng, 450))
    return g_strdup (place);
  return g_strconcat (PICK (rng, neighbourhood_firsts), PICK (rng, neighbourhood_seconds), NULL);
}

/* Tries `make` until it gives a name nobody has; then adds the place, then a number. */
typedef char *(*MakeName) (Generator *self, Rng *rng, Organisation *organisation);

static const char *
unique_name (Generator    *self,
             Rng          *rng,
             Organisation *organisation,
             MakeName      make)
{
  g_autofree char *candidate = NULL;
  const char *name;

  for (guint attempt = 0; attempt < 8; attempt++)
    {
      g_free (candidate);
      candidate = make (self, rng, organisation);
      if ((name = claim_name (self, candidate)) != NULL)
        return name;
    }

  {
    g_autofree char *placed = g_strdup_printf ("%s (%s)", candidate, self->places[organisation->area]);

    if ((name = claim_name (self, placed)) != NULL)
      return name;
  }

  for (guint n = 2;; n++)
    {
      g_autofree char *numbered = g_strdup_printf ("%s (%s) %u", candidate, self->places[organisation->area], n);

      if ((name = claim_name (self, numbered)) != NULL)
        return name;
    }
}

/* Register numbers as the Charity Commission, OSCR and Companies House write them. */
static const char *
charity_number (Generator *self,
                Rng       *rng)
{
  for (;;)
    {
      g_autofree char *id = NULL;
      const char *kept;

      if (rng_per_mille (rng, 60))
        id = g_strdup_printf ("GB-SC-SC0%05u", (guint)rng_between (rng, 0, 99999));
      else if (rng_per_mille (rng, 700))
        id = g_strdup_printf ("GB-CHC-%u", (guint)rng_between (rng, 1000000, 1209999));
      else
        id = g_strdup_printf ("GB-CHC-%u", (guint)rng_between (rng, 200000, 999999));
      if ((kept = claim_org_id (self, id)) != NULL)
        return kept;
    }
}

static const char *
company_number (Generator *self,
                Rng       *rng)
{
  for (;;)
    {
      g_autofree char *id = NULL;
      const char *kept;

      /* Leading zeros are part of the number: GB-COH-01234567. */
      if (rng_per_mille (rng, 30))
        id = g_strdup_printf ("GB-COH-SC%06u", (guint)rng_between (rng, 100000, 799999));
      else
        id = g_strdup_printf ("GB-COH-%08u", (guint)rng_between (rng, 1000000, 15999999));
      if ((kept = claim_org_id (self, id)) != NULL)
        return kept;
    }
}

static const char *
code_id (Generator  *self,
         Rng        *rng,
         const char *prefix,
         const char *first)
{
  static const char letters[] = "ABCDEFGHJKLMNPQRSTUVWXYZ0123456789";

  for (;;)
    {
      char code[4] = { first[0], letters[rng_below (rng, 24)], letters[rng_below (rng, 34)], '\0' };
      g_autofree char *id = g_strconcat (prefix, code, NULL);
      const char *kept;

      if ((kept = claim_org_id (self, id)) != NULL)
        return kept;
    }
}

/* Places and organisations */

static void
make_places (Generator *self)
{
  guint n_seconds = G_N_ELEMENTS (place_seconds);
  guint n_combinations = G_N_ELEMENTS (place_firsts) * n_seconds;
  g_autofree guint32 *order = NULL;
  Rng rng;

  rng_init (&rng, self->seed, STAGE_PLACES);
  order = shuffled_indices (&rng, n_combinations);

  self->places = g_new (const char *, self->plan.areas);
  for (guint a = 0, c = 0; a < self->plan.areas; c++)
    {
      g_autofree char *name = NULL;

      g_assert (c < n_combinations);
      name = g_strconcat (place_firsts[order[c] / n_seconds], place_seconds[order[c] % n_seconds], NULL);
      /* The same spelling from two pairs would make two councils of one name. */
      if (g_hash_table_contains (self->names, name))
        continue;
      self->places[a++] = keep (self, name);
      g_hash_table_add (self->names, (char *)self->places[a - 1]);
    }

  /* Some areas are cities, most are towns. */
  self->area_weights = g_new (guint64, self->plan.areas);
  for (guint a = 0; a < self->plan.areas; a++)
    self->area_weights[a] = (a > 0 ? self->area_weights[a - 1] : 0) +
                            (rng_per_mille (&rng, 100) ? rng_between (&rng, 10, 30) : rng_between (&rng, 2, 10));
}

/* Index of the first cumulative weight above a draw below the total. */
static guint
pick_cumulative (Rng           *rng,
                 const guint64 *cumulative,
                 guint          n)
{
  guint64 r = rng_below (rng, cumulative[n - 1]);
  guint low = 0;
  guint high = n - 1;

  while (low < high)
    {
      guint middle = (low + high) / 2;

      if (cumulative[middle] > r)
        high = middle;
      else
        low = middle + 1;
    }
  return low;
}

static char *
make_council_name (Generator    *self,
                   Rng          *rng,
                   Organisation *organisation)
{
  static const char * const patterns[] = {
    "%s Borough Council", "%s City Council", "%s County Council", "%s District Council",
    "%s Metropolitan Borough Council", "London Borough of %s", "%s Council",
  };
  static const guint weights[] = { 25, 12, 10, 18, 12, 8, 15 };

  return g_strdup_printf (patterns[rng_weighted (rng, weights, G_N_ELEMENTS (weights))],
                          self->places[organisation->area]);
}

static char *
make_nhs_name (Generator    *self,
               Rng          *rng,
               Organisation *organisation)
{
  const char *place = self->places[organisation->area];
  const char *other = self->places[rng_below (rng, self->plan.areas)];

  switch (rng_below (rng, 4))
    {
    case 0:
      return g_strdup_printf ("NHS %s Integrated Care Board", place);
    case 1:
      return g_strdup_printf ("NHS %s and %s Integrated Care Board", place, other);
    case 2:
      return g_strdup_printf ("%s Community Health NHS Trust", place);
    default:
      return g_strdup_printf ("%s and %s NHS Foundation Trust", place, other);
    }
}

static char *
make_public_body_name (Generator    *self,
                       Rng          *rng,
                       Organisation *organisation)
{
  static const char * const patterns[] = {
    "%s Police and Crime Commissioner", "%s Combined Authority", "%s Fire and Rescue Authority",
    "Office of the %s Police, Fire and Crime Commissioner", "%s Probation Delivery Unit",
    "%s Violence Reduction Unit",
  };

  return g_strdup_printf (PICK (rng, patterns), self->places[organisation->area]);
}

static char *
make_lead_name (Generator    *self,
                Rng          *rng,
                Organisation *organisation)
{
  g_autofree char *brand = brand_name (rng);
  const char *place = self->places[organisation->area];

  switch (organisation->kind)
    {
    case KIND_CHARITY:
      return g_strdup_printf ("%s %s", PICK (rng, charity_words), PICK (rng, charity_nouns));
    case KIND_PRIVATE_COMPANY:
      return g_strdup_printf ("%s %s %s", brand, PICK (rng, company_sectors),
                              rng_per_mille (rng, 150) ? "plc" : "Ltd");
    case KIND_HOUSING_ASSOCIATION:
      switch (rng_below (rng, 4))
        {
        case 0:
          return g_strdup_printf ("%s Housing Group", brand);
        case 1:
          return g_strdup_printf ("%s Housing Trust", PICK (rng, charity_words));
        case 2:
          return g_strdup_printf ("%s Homes", place);
        default:
          return g_strdup_printf ("%s Homes Partnership", brand);
        }
    case KIND_CIC:
      return rng_per_mille (rng, 500) ? g_strdup_printf ("%s Community Services CIC", brand)
                                      : g_strdup_printf ("%s Community Partners CIC", place);
    case KIND_SOCIAL_ENTERPRISE:
      return rng_per_mille (rng, 500) ? g_strdup_printf ("%s Social Enterprise Ltd", brand)
                                      : g_strdup_printf ("%s Community Services", PICK (rng, charity_words));
    default:
      return g_strdup_printf ("%s Mutual", brand);
    }
}

static char *
make_partner_name (Generator    *self,
                   Rng          *rng,
                   Organisation *organisation)
{
  g_autofree char *place = neighbourhood_name (rng, self->places[organisation->area]);
  g_autofree char *brand = brand_name (rng);

  switch (organisation->kind)
    {
    case KIND_CHARITY:
      if (rng_per_mille (rng, 15))
        return g_strdup_printf ("Carers, Families and Friends of %s", place);
      if (rng_per_mille (rng, 40))
        return g_strdup_printf ("%s Trust", brand);
      if (rng_per_mille (rng, 120))
        return g_strdup_printf ("%s and District %s", place, PICK (rng, charity_focuses));
      return g_strdup_printf ("%s %s", place, PICK (rng, charity_focuses));
    case KIND_COMMUNITY_GROUP:
      if (rng_per_mille (rng, 80))
        {
          static const char * const places_to_befriend[] = { "Park", "Library", "Woods", "Station", "Green", "Lido" };

          return g_strdup_printf ("Friends of %s %s", place, PICK (rng, places_to_befriend));
        }
      return g_strdup_printf ("%s %s", place, PICK (rng, community_groups));
    case KIND_SOCIAL_ENTERPRISE:
      return g_strdup_printf ("%s %s", place, PICK (rng, enterprise_trades));
    case KIND_CIC:
      return g_strdup_printf ("%s %s CIC", rng_per_mille (rng, 500) ? place : brand, PICK (rng, enterprise_trades));
    case KIND_PRIVATE_COMPANY:
      return g_strdup_printf ("%s %s Ltd", rng_per_mille (rng, 700) ? brand : place, PICK (rng, company_trades));
    case KIND_HOUSING_ASSOCIATION:
      return g_strdup_printf (rng_per_mille (rng, 500) ? "%s Housing Co-operative" : "%s Community Land Trust", place);
    case KIND_INFRASTRUCTURE_BODY:
      switch (rng_below (rng, 4))
        {
        case 0:
          return g_strdup_printf ("%s Council for Voluntary Service", self->places[organisation->area]);
        case 1:
          return g_strdup_printf ("Voluntary Action %s", place);
        case 2:
          return g_strdup_printf ("%s Volunteer Centre", place);
        default:
          return g_strdup_printf ("%s Community Foundation", self->places[organisation->area]);
        }
    default:
      if (rng_per_mille (rng, 250))
        return g_strdup_printf ("St %s's Church, %s", PICK (rng, saints), place);
      return g_strdup_printf ("%s %s", place, PICK (rng, other_bodies));
    }
}

static void
make_commissioner (Generator    *self,
                   Rng          *rng,
                   Organisation *organisation,
                   guint         index)
{
  const Plan *plan = &self->plan;

  if (index < plan->local_authorities)
    {
      /* Each area is one council's. */
      organisation->kind = KIND_LOCAL_AUTHORITY;
      organisation->area = index % plan->areas;
      organisation->locality = LOCALITY_LOCAL;
      organisation->name = unique_name (self, rng, organisation, make_council_name);
      organisation->org_id = code_id (self, rng, "GB-LAE-", self->places[organisation->area]);
    }
  else if (index < plan->local_authorities + plan->nhs_bodies)
    {
      organisation->kind = KIND_NHS_BODY;
      organisation->area = rng_below (rng, plan->areas);
      organisation->locality = LOCALITY_REGIONAL;
      organisation->name = unique_name (self, rng, organisation, make_nhs_name);
      organisation->org_id = code_id (self, rng, "GB-NHS-", strstr (organisation->name, "Trust") ? "R" : "Q");
    }
  else
    {
      organisation->kind = KIND_PUBLIC_BODY;
      organisation->area = rng_below (rng, plan->areas);
      organisation->locality = rng_per_mille (rng, 800) ? LOCALITY_REGIONAL : LOCALITY_NOT_RECORDED;
      organisation->name = unique_name (self, rng, organisation, make_public_body_name);
      if (rng_per_mille (rng, 500))
        organisation->org_id = code_id (self, rng, "GB-GOR-PB", "0");
    }
  organisation->income = NO_MONEY;
}

/* Lead providers by rank: the first few are national primes with the largest incomes. */
static void
make_lead (Generator    *self,
           Rng          *rng,
           Organisation *organisation,
           guint         rank)
{
  static const Kind kinds[] = {
    KIND_CHARITY, KIND_HOUSING_ASSOCIATION, KIND_PRIVATE_COMPANY, KIND_SOCIAL_ENTERPRISE,
    KIND_CIC, KIND_OTHER,
  };
  static const guint weights[] = { 36, 16, 30, 8, 7, 3 };
  guint n_national = MAX (3, self->plan.leads / 10);

  organisation->kind = kinds[rng_weighted (rng, weights, G_N_ELEMENTS (weights))];
  organisation->area = pick_cumulative (rng, self->area_weights, self->plan.areas);
  if (rank <= n_national)
    organisation->locality = LOCALITY_NATIONAL;
  else
    organisation->locality = rng_per_mille (rng, 800) ? LOCALITY_REGIONAL : LOCALITY_LOCAL;
  organisation->name = unique_name (self, rng, organisation, make_lead_name);

  if (organisation->kind == KIND_CHARITY || (organisation->kind == KIND_OTHER && rng_per_mille (rng, 500)))
    organisation->org_id = rng_per_mille (rng, 920) ? charity_number (self, rng) : NULL;
  else
    organisation->org_id = rng_per_mille (rng, 950) ? company_number (self, rng) : NULL;

  if (rank <= MAX (1, self->plan.leads / 50))
    organisation->income = log_uniform_pence (rng, 100000000);
  else if (rank <= n_national)
    organisation->income = log_uniform_pence (rng, 10000000);
  else
    organisation->income = log_uniform_pence (rng, rng_per_mille (rng, 600) ? 1000000 : 10000000);
  /* Accounts are filed in whole pounds; a few leads have not filed any. */
  organisation->income = rng_per_mille (rng, 30) ? NO_MONEY : round_to (organisation->income, 100);

  organisation->led_by = rng_per_mille (rng, 150) ? PICK (rng, led_by_phrases) : NULL;
  organisation->notes = rng_per_mille (rng, 200) ? PICK (rng, lead_notes) : NULL;
}

static void
make_partner (Generator    *self,
              Rng          *rng,
              Organisation *organisation)
{
  static const Kind kinds[] = {
    KIND_CHARITY, KIND_COMMUNITY_GROUP, KIND_SOCIAL_ENTERPRISE, KIND_CIC,
    KIND_PRIVATE_COMPANY, KIND_INFRASTRUCTURE_BODY, KIND_HOUSING_ASSOCIATION, KIND_OTHER,
  };
  static const guint kind_weights[] = { 440, 220, 70, 90, 50, 20, 20, 90 };
  /* Weights of the income bands by kind: micro (from £1,000), small, medium, large,
   * major (to £100m), and last "not recorded". Groups the bids name are larger than
   * the sector as a whole. */
  static const guint group_bands[] = { 550, 330, 60, 0, 0, 450 };
  static const guint charity_bands[] = { 200, 400, 280, 100, 20, 100 };
  static const guint other_bands[] = { 100, 350, 350, 170, 30, 150 };
  const guint *bands;
  guint band;
  guint locality = rng_below (rng, 1000);
  gboolean community = FALSE;

  organisation->kind = kinds[rng_weighted (rng, kind_weights, G_N_ELEMENTS (kind_weights))];
  organisation->area = pick_cumulative (rng, self->area_weights, self->plan.areas);
  organisation->locality = locality < 750 ? LOCALITY_LOCAL
                         : locality < 870 ? LOCALITY_REGIONAL
                         : locality < 900 ? LOCALITY_NATIONAL
                         : LOCALITY_NOT_RECORDED;

  if (organisation->kind == KIND_CHARITY && rng_per_mille (rng, 120))
    {
      /* Organisations of a community take their name and leadership from it. */
      const Community *of = &PICK (rng, communities);

      for (guint attempt = 0; attempt < 8 && organisation->name == NULL; attempt++)
        {
          g_autofree char *place = neighbourhood_name (rng, self->places[organisation->area]);
          g_autofree char *name = g_strdup_printf ("%s %s", place, of->name);

          organisation->name = claim_name (self, name);
        }
      organisation->led_by = of->led_by;
      community = organisation->name != NULL;
    }
  if (!community)
    {
      organisation->name = unique_name (self, rng, organisation, make_partner_name);
      organisation->led_by = rng_per_mille (rng, 350) ? PICK (rng, led_by_phrases) : NULL;
    }

  switch (organisation->kind)
    {
    case KIND_CHARITY:
    case KIND_INFRASTRUCTURE_BODY:
      organisation->org_id = rng_per_mille (rng, 800) ? charity_number (self, rng) : NULL;
      break;
    case KIND_COMMUNITY_GROUP:
      organisation->org_id = rng_per_mille (rng, 80) ? charity_number (self, rng) : NULL;
      break;
    case KIND_OTHER:
      organisation->org_id = rng_per_mille (rng, 300) ? charity_number (self, rng) : NULL;
      break;
    default:
      organisation->org_id = rng_per_mille (rng, 650) ? company_number (self, rng) : NULL;
      break;
    }

  bands = organisation->kind == KIND_COMMUNITY_GROUP ? group_bands
        : organisation->kind == KIND_CHARITY ? charity_bands
        : other_bands;
  band = rng_weighted (rng, bands, 6);
  if (band == 5)
    organisation->income = NO_MONEY;
  else
    {
      static const gint64 decades[] = { 1000, 10000, 100000, 1000000, 10000000 };
      gint64 income = log_uniform_pence (rng, decades[band]);

      /* Some accounts round to the hundred, most give whole pounds. */
      organisation->income = round_to (income, rng_per_mille (rng, 300) ? 10000 : 100);
    }

  organisation->notes = rng_per_mille (rng, 40) ? PICK (rng, partner_notes) : NULL;
}

/* Compressed rows: for each area, the members of `items` whose area is it. */
static void
group_by_area (Generator  *self,
               guint       first,
               guint       end,
               guint32   **out_start,
               guint32   **out_items)
{
  guint n_areas = self->plan.areas;
  guint32 *start = g_new0 (guint32, n_areas + 1);
  guint32 *items = g_new (guint32, MAX (end - first, 1));
  g_autofree guint32 *fill = g_new0 (guint32, n_areas);

  for (guint i = first; i < end; i++)
    start[ORGANISATION (self, i)->area + 1]++;
  for (guint a = 0; a < n_areas; a++)
    start[a + 1] += start[a];
  for (guint i = first; i < end; i++)
    {
      guint area = ORGANISATION (self, i)->area;

      items[start[area] + fill[area]++] = i;
    }
  *out_start = start;
  *out_items = items;
}

/* Newton's method, in integers. */
static guint64
isqrt (guint64 n)
{
  guint64 x = n;
  guint64 y;

  if (n < 2)
    return n;
  y = (x + 1) / 2;
  while (y < x)
    {
      x = y;
      y = (x + n / x) / 2;
    }
  return x;
}

static void
make_organisations (Generator *self)
{
  const Plan *plan = &self->plan;
  guint first_lead = plan->commissioners;
  guint first_partner = first_lead + plan->leads;
  g_autofree guint32 *numbers = NULL;
  Rng rng;

  rng_init (&rng, self->seed, STAGE_ORGANISATIONS);
  self->organisations = g_new0 (Organisation, plan->organisations);

  for (guint i = 0; i < plan->commissioners; i++)
    make_commissioner (self, &rng, ORGANISATION (self, i), i);
  for (guint i = first_lead; i < first_partner; i++)
    make_lead (self, &rng, ORGANISATION (self, i), i - first_lead + 1);
  for (guint i = first_partner; i < plan->organisations; i++)
    make_partner (self, &rng, ORGANISATION (self, i));

  /* References in no particular order, as a register that grew over the years has. */
  numbers = shuffled_indices (&rng, plan->organisations);
  self->by_number = g_new (guint32, plan->organisations);
  for (guint i = 0; i < plan->organisations; i++)
    {
      ORGANISATION (self, i)->number = numbers[i] + 1;
      self->by_number[numbers[i]] = i;
    }

  group_by_area (self, first_partner, plan->organisations, &self->area_start, &self->area_partners);
  group_by_area (self, 0, plan->commissioners, &self->commissioner_start, &self->area_commissioners);

  self->wide_partners = g_array_new (FALSE, FALSE, sizeof (guint32));
  for (guint32 i = first_partner; i < plan->organisations; i++)
    if (ORGANISATION (self, i)->locality >= LOCALITY_REGIONAL)
      g_array_append_val (self->wide_partners, i);

  /* Zipf-like weights w(rank) = 2^40 / rank^1.25 in integers (rank^0.25 is the square
   * root of the square root of rank × 2^32, over 2^8): the ten largest leads make about
   * six bids in ten. */
  self->lead_weights = g_new (guint64, plan->leads);
  for (guint rank = 1; rank <= plan->leads; rank++)
    {
      guint64 weight = (G_GUINT64_CONSTANT (1) << 40) / (rank * isqrt (isqrt ((guint64)rank << 32)));

      self->lead_weights[rank - 1] = (rank > 1 ? self->lead_weights[rank - 2] : 0) + weight;
    }
}

static guint
pick_lead (Generator *self,
           Rng       *rng)
{
  return self->plan.commissioners + pick_cumulative (rng, self->lead_weights, self->plan.leads);
}

/* A partner from the area, the most active groups more often; sometimes from further
 * afield, sometimes another lead provider. */
static guint
pick_partner (Generator *self,
              Rng       *rng,
              guint      area,
              guint      lead)
{
  guint first_partner = self->plan.commissioners + self->plan.leads;
  guint n_area = self->area_start[area + 1] - self->area_start[area];
  guint r = rng_below (rng, 100);

  if (r < 4 && self->plan.leads > 1)
    {
      guint other = self->plan.commissioners + rng_below (rng, self->plan.leads);

      if (other != lead)
        return other;
    }
  if ((r < 20 || n_area == 0) && self->wide_partners->len > 0)
    return g_array_index (self->wide_partners, guint32, rng_below (rng, self->wide_partners->len));
  if (n_area == 0)
    return first_partner + rng_below (rng, self->plan.organisations - first_partner);

  return self->area_partners[self->area_start[area] + MIN (rng_below (rng, n_area), rng_below (rng, n_area))];
}

/* Consortia */

static gboolean
bids_through (Generator  *self,
              Consortium *consortium)
{
  return consortium->lead >= (gint32)self->plan.commissioners &&
         consortium->lead < (gint32)(self->plan.commissioners + self->plan.leads) &&
         consortium->model != MODEL_NETWORK;
}

static void
index_consortia_by_lead (Generator *self)
{
  guint n_leads = self->plan.leads;
  g_autofree guint32 *fill = g_new0 (guint32, n_leads);

  self->lead_consortium_start = g_new0 (guint32, n_leads + 1);
  self->lead_consortia = g_new (guint32, MAX (self->consortia->len, 1));
  for (guint k = 0; k < self->consortia->len; k++)
    if (bids_through (self, CONSORTIUM (self, k)))
      self->lead_consortium_start[CONSORTIUM (self, k)->lead - self->plan.commissioners + 1]++;
  for (guint l = 0; l < n_leads; l++)
    self->lead_consortium_start[l + 1] += self->lead_consortium_start[l];
  for (guint k = 0; k < self->consortia->len; k++)
    if (bids_through (self, CONSORTIUM (self, k)))
      {
        guint l = CONSORTIUM (self, k)->lead - self->plan.commissioners;

        self->lead_consortia[self->lead_consortium_start[l] + fill[l]++] = k;
      }
}

static void
make_consortia (Generator *self)
{
  static const guint model_weights[] = { 30, 30, 15, 5, 20 };
  guint first_partner = self->plan.commissioners + self->plan.leads;
  Rng rng;

  rng_init (&rng, self->seed, STAGE_CONSORTIA);
  self->consortia = g_array_sized_new (FALSE, TRUE, sizeof (Consortium), self->plan.consortia);
  self->members = g_array_new (FALSE, TRUE, sizeof (Member));

  for (guint k = 0; k < self->plan.consortia; k++)
    {
      Consortium consortium = { 0 };
      guint n_members;
      g_autofree guint32 *chosen = NULL;
      guint n_chosen = 0;

      consortium.model = rng_weighted (&rng, model_weights, G_N_ELEMENTS (model_weights));
      consortium.formed = rng_between (&rng, days_from_civil (2016, 1, 1), days_from_civil (2025, 6, 30));

      if (consortium.model == MODEL_PRIME || consortium.model == MODEL_ALLIANCE ||
          consortium.model == MODEL_JOINT_VENTURE)
        {
          /* Built by a lead provider to bid: its bids in the area name the members. */
          consortium.lead = pick_lead (self, &rng);
          consortium.area = ORGANISATION (self, consortium.lead)->locality == LOCALITY_NATIONAL
                          ? pick_cumulative (&rng, self->area_weights, self->plan.areas)
                          : ORGANISATION (self, consortium.lead)->area;
        }
      else
        {
          /* Local groups banding together, often hosted by the biggest of them. */
          consortium.area = pick_cumulative (&rng, self->area_weights, self->plan.areas);
          consortium.lead = rng_per_mille (&rng, 750) ? (gint32)pick_partner (self, &rng, consortium.area, 0) : -1;
        }

      for (guint attempt = 0; consortium.name == NULL; attempt++)
        {
          g_autofree char *name = g_strdup_printf ("%s %s %s", self->places[consortium.area],
                                                   PICK (&rng, consortium_themes), model_names[consortium.model]);

          /* A second one of a name in a small country is told apart by number. */
          if (attempt >= 8)
            {
              g_autofree char *numbered = g_strdup_printf ("%s %u", name, attempt - 6);

              consortium.name = claim_name (self, numbered);
            }
          else
            consortium.name = claim_name (self, name);
        }

      switch (consortium.model)
        {
        case MODEL_PRIME:
          consortium.agreement = rng_per_mille (&rng, 400);
          consortium.due_diligence = rng_per_mille (&rng, 200);
          break;
        case MODEL_NETWORK:
          consortium.agreement = rng_per_mille (&rng, 300);
          consortium.due_diligence = rng_per_mille (&rng, 300);
          break;
        default:
          consortium.agreement = rng_per_mille (&rng, 880);
          consortium.due_diligence = rng_per_mille (&rng, 650);
          break;
        }
      consortium.agreement_on = consortium.agreement && rng_per_mille (&rng, 850)
                              ? consortium.formed + rng_between (&rng, 0, 180) : NO_DATE;
      consortium.notes = rng_per_mille (&rng, 400) ? PICK (&rng, consortium_notes) : NULL;

      /* The members: the lead from the start, then groups of the area. */
      n_members = rng_between (&rng, 3, 14);
      chosen = g_new (guint32, n_members + 1);
      consortium.first_member = self->members->len;
      if (consortium.lead >= 0)
        chosen[n_chosen++] = consortium.lead;
      for (guint attempt = 0; n_chosen < n_members + (consortium.lead >= 0) && attempt < 100; attempt++)
        {
          guint32 candidate = pick_partner (self, &rng, consortium.area, consortium.lead);
          gboolean again = candidate < first_partner;

          for (guint i = 0; i < n_chosen && !again; i++)
            again = chosen[i] == candidate;
          if (!again)
            chosen[n_chosen++] = candidate;
        }

      for (guint i = 0; i < n_chosen; i++)
        {
          Member member = { chosen[i], consortium.formed, NO_DATE };

          if (i > 0 && rng_per_mille (&rng, 300))
            member.joined_on = MIN (consortium.formed + rng_between (&rng, 30, 1500), SNAPSHOT_DAY - 30);
          else if (i > 0)
            member.joined_on = consortium.formed + rng_between (&rng, 0, 60);
          if (i > 0 && rng_per_mille (&rng, 150))
            {
              gint32 left_on = member.joined_on + rng_between (&rng, 90, 1800);

              member.left_on = left_on < SNAPSHOT_DAY ? left_on : NO_DATE;
            }
          g_array_append_val (self->members, member);
        }
      consortium.n_members = n_chosen;
      g_array_append_val (self->consortia, consortium);
    }

  index_consortia_by_lead (self);
}

/* Bids */

static gint64
bid_value (Rng *rng)
{
  /* From £10,000 to £100m, most between £100,000 and £10m. */
  static const guint weights[] = { 20, 42, 33, 5 };
  static const gint64 decades[] = { 10000, 100000, 1000000, 10000000 };
  gint64 value = log_uniform_pence (rng, decades[rng_weighted (rng, weights, G_N_ELEMENTS (weights))]);

  return round_to (value, value >= POUNDS (100000) ? POUNDS (1000) : POUNDS (500));
}

/* Exactly the planned number of each outcome: nine in ten of the latest bids pending. */
static void
decide_outcomes (Generator *self,
                 Rng       *rng)
{
  const Plan *plan = &self->plan;
  guint n_recent = MIN (plan->bids, plan->pending * 10 / 9 + 1);
  g_autofree guint32 *recent = shuffled_indices (rng, n_recent);
  g_autofree guint8 *outcomes = g_new (guint8, plan->bids);
  g_autofree guint32 *order = NULL;
  guint n_decided = plan->bids - plan->pending;
  guint next = 0;

  for (guint i = 0; i < plan->bids; i++)
    BID (self, i)->outcome = OUTCOME_WON;
  for (guint i = 0; i < plan->pending; i++)
    BID (self, plan->bids - n_recent + recent[i])->outcome = OUTCOME_PENDING;

  for (guint i = 0; i < n_decided; i++)
    outcomes[i] = i < plan->won ? OUTCOME_WON
                : i < plan->won + plan->lost ? OUTCOME_LOST
                : OUTCOME_WITHDRAWN;
  order = shuffled_indices (rng, n_decided);
  for (guint i = 0; i < plan->bids; i++)
    if (BID (self, i)->outcome != OUTCOME_PENDING)
      BID (self, i)->outcome = outcomes[order[next++]];
}

/* The consortium this lead bids through at that date, or -1. */
static gint32
pick_consortium (Generator *self,
                 Rng       *rng,
                 guint      lead,
                 gint32     submitted_on)
{
  guint rank = lead - self->plan.commissioners;
  gint32 found = -1;
  guint n_found = 0;

  for (guint i = self->lead_consortium_start[rank]; i < self->lead_consortium_start[rank + 1]; i++)
    {
      guint32 k = self->lead_consortia[i];

      /* Reservoir sampling: each of the lead's consortia of the day equally likely. */
      if (CONSORTIUM (self, k)->formed + 30 <= submitted_on && rng_below (rng, ++n_found) == 0)
        found = k;
    }
  return found >= 0 && rng_per_mille (rng, 600) ? found : -1;
}

/* The area `offset` places along from `area`, the areas standing in a ring. */
static guint
nearby_area (guint area,
             gint  offset,
             guint n_areas)
{
  return (guint)((((gint64)area + offset) % n_areas + n_areas) % n_areas);
}

static guint
pick_bid_area (Generator *self,
               Rng       *rng,
               guint      lead)
{
  Organisation *organisation = ORGANISATION (self, lead);
  guint n_areas = self->plan.areas;

  switch (organisation->locality)
    {
    case LOCALITY_NATIONAL:
      return pick_cumulative (rng, self->area_weights, n_areas);
    case LOCALITY_REGIONAL:
      return nearby_area (organisation->area, rng_between (rng, -6, 6), n_areas);
    default:
      return rng_per_mille (rng, 700) ? organisation->area
                                      : nearby_area (organisation->area, rng_between (rng, -1, 1), n_areas);
    }
}

/* Shares promised to partners: a part of the bid's value ("pot") split by weight. */
static void
name_partners (Generator *self,
               Rng       *rng,
               Bid       *bid)
{
  static const guint size_weights[] = { 15, 20, 20, 15, 10, 7, 5, 4, 4 };
  guint n_wanted = 2 + rng_weighted (rng, size_weights, G_N_ELEMENTS (size_weights));
  guint32 chosen[10];
  guint weights[10];
  guint n_chosen = 0;
  guint total_weight = 0;
  gint64 notional = bid->value != NO_MONEY ? bid->value : bid_value (rng);
  gint64 pot = notional * rng_between (rng, 15, 50) / 100;
  gint32 shares = 0;

  if (bid->consortium >= 0)
    {
      /* A consortium's bid names its members of the day. */
      Consortium *consortium = CONSORTIUM (self, bid->consortium);

      for (guint m = 0; m < consortium->n_members && n_chosen < n_wanted; m++)
        {
          Member *member = MEMBER (self, consortium->first_member + m);

          if (member->organisation != bid->lead && member->joined_on <= bid->submitted_on &&
              (member->left_on == NO_DATE || member->left_on > bid->submitted_on))
            chosen[n_chosen++] = member->organisation;
        }
      if (n_chosen < 2)
        {
          n_chosen = 0;
          bid->consortium = -1;
        }
    }

  for (guint attempt = 0; n_chosen < n_wanted && attempt < 200; attempt++)
    {
      guint32 candidate = pick_partner (self, rng, bid->area, bid->lead);
      gboolean again = candidate == bid->lead || candidate < self->plan.commissioners;

      for (guint i = 0; i < n_chosen && !again; i++)
        again = chosen[i] == candidate;
      if (!again)
        chosen[n_chosen++] = candidate;
    }
  g_assert (n_chosen >= 2);

  for (guint i = 0; i < n_chosen; i++)
    total_weight += weights[i] = rng_between (rng, 2, 10);

  bid->first_partner = self->partners->len;
  bid->n_partners = n_chosen;
  for (guint i = 0; i < n_chosen; i++)
    {
      BidPartner partner = { NULL, NO_MONEY, 0, chosen[i], -1, CONSENT_UNKNOWN };
      guint promise = rng_below (rng, 1000);
      guint consent = rng_below (rng, 1000);

      partner.intended = MAX (POUNDS (500), pot * weights[i] / total_weight);
      partner.role = rng_per_mille (rng, 850) ? PICK (rng, roles) : NULL;

      if (promise < 500)
        partner.promised_value = partner.intended >= POUNDS (10000) ? round_to (partner.intended, POUNDS (1000))
                                                                   : round_to (partner.intended, POUNDS (100));
      else if (promise < 833 && bid->value != NO_MONEY)
        {
          /* Mostly whole or half percentages, now and then a quarter. */
          gint32 exact = (gint32)(partner.intended * 10000 / bid->value);
          gint32 share = rng_per_mille (rng, 850) ? (gint32)round_to (exact, 50) : (gint32)round_to (exact, 25);

          share = MAX (share, 50);
          /* The pot is at most half the bid, so this only guards the rule. */
          if (shares + share <= 10000)
            {
              partner.promised_share = share;
              shares += share;
            }
        }

      if (bid->consortium >= 0)
        partner.consent = consent < 850 ? CONSENT_YES : consent < 950 ? CONSENT_UNKNOWN : CONSENT_NO;
      else
        partner.consent = consent < 550 ? CONSENT_YES : consent < 850 ? CONSENT_UNKNOWN : CONSENT_NO;

      g_array_append_val (self->partners, partner);
    }
}

static void
make_bids (Generator *self)
{
  const Plan *plan = &self->plan;
  gint32 span = SNAPSHOT_DAY - FIRST_BID_DAY + 1;
  g_autofree guint32 *leads = g_new (guint32, plan->bids);
  g_autofree guint32 *order = NULL;
  Rng rng;

  rng_init (&rng, self->seed, STAGE_BIDS);
  self->bids = g_array_sized_new (FALSE, TRUE, sizeof (Bid), plan->bids);
  self->partners = g_array_sized_new (FALSE, TRUE, sizeof (BidPartner), plan->bids * 5);
  g_array_set_size (self->bids, plan->bids);

  /* Every lead provider bids at least once; the national primes most of the time. */
  order = shuffled_indices (&rng, plan->bids);
  for (guint i = 0; i < plan->bids; i++)
    leads[order[i]] = i < plan->leads ? plan->commissioners + i : pick_lead (self, &rng);

  /* Bids come in steadily over the ten years, numbered in order. */
  for (guint i = 0; i < plan->bids; i++)
    {
      Bid *bid = BID (self, i);
      gint32 slot = (gint32)((gint64)i * span / plan->bids);
      gint32 next_slot = (gint32)((gint64)(i + 1) * span / plan->bids);

      bid->submitted_on = FIRST_BID_DAY + slot + rng_below (&rng, MAX (1, next_slot - slot));
      bid->lead = leads[i];
    }
  decide_outcomes (self, &rng);

  for (guint i = 0; i < plan->bids; i++)
    {
      Bid *bid = BID (self, i);
      guint n_commissioners;
      g_autofree char *title = NULL;

      bid->consortium = pick_consortium (self, &rng, bid->lead, bid->submitted_on);
      bid->area = bid->consortium >= 0 ? CONSORTIUM (self, bid->consortium)->area
                                       : pick_bid_area (self, &rng, bid->lead);

      /* The council most often; otherwise the NHS or another public body there. */
      n_commissioners = self->commissioner_start[bid->area + 1] - self->commissioner_start[bid->area];
      if (n_commissioners == 0 || rng_per_mille (&rng, 550))
        bid->commissioner = bid->area % plan->local_authorities;
      else
        bid->commissioner = self->area_commissioners[self->commissioner_start[bid->area] +
                                                     rng_below (&rng, n_commissioners)];

      /* A few bids that came to nothing never had their value written down. */
      bid->value = bid_value (&rng);
      if (bid->outcome != OUTCOME_WON && rng_per_mille (&rng, 25))
        bid->value = NO_MONEY;

      if (rng_per_mille (&rng, 100))
        title = g_strdup_printf ("%s %s (Lot %u)", self->places[bid->area], PICK (&rng, services),
                                 (guint)rng_between (&rng, 1, 4));
      else
        title = g_strdup_printf ("%s %s", self->places[bid->area], PICK (&rng, services));
      bid->title = keep (self, title);

      name_partners (self, &rng, bid);
    }
}

/* Contracts */

static gint32
contract_years (Rng *rng)
{
  static const guint weights[] = { 15, 25, 35, 10, 15 };

  return 1 + rng_weighted (rng, weights, G_N_ELEMENTS (weights));
}

static void
add_contract_terms (Rng      *rng,
                    Contract *contract)
{
  static const gint32 shares[] = { 1000, 1250, 1500, 2000, 2500, 3000, 3333 };

  contract->required_small_share = rng_per_mille (rng, 250) ? PICK (rng, shares) : -1;
  contract->small_income_limit = NO_MONEY;
  if (rng_per_mille (rng, 30))
    contract->small_income_limit = rng_per_mille (rng, 500) ? POUNDS (500000) : POUNDS (2000000);
}

static gint
compare_contracts (gconstpointer a,
                   gconstpointer b,
                   gpointer      user_data)
{
  Generator *self = user_data;
  guint32 i = *(const guint32 *)a;
  guint32 j = *(const guint32 *)b;
  gint32 start_i = CONTRACT (self, i)->start_on;
  gint32 start_j = CONTRACT (self, j)->start_on;

  if (start_i != start_j)
    return start_i < start_j ? -1 : 1;
  return i < j ? -1 : i > j;
}

/* Partners wait for their subcontracts only in a contract's first 90 days (the engine's
 * grace period). At the smallest scales no contract need start in the 90 days before the
 * snapshot; then the latest that could is moved there, so the status always shows. */
static void
start_one_contract_lately (Generator *self)
{
  gint32 window_start = SNAPSHOT_DAY - CANDOUR_DEFAULT_GRACE_DAYS;
  gint32 moved_start = first_of_next_month (SNAPSHOT_DAY - 75);
  gint32 latest = -1;

  for (guint c = 0; c < self->contracts->len; c++)
    {
      Contract *contract = CONTRACT (self, c);

      if (contract->bid < 0)
        continue;
      if (contract->start_on > window_start && contract->start_on <= SNAPSHOT_DAY)
        return;
      if (BID (self, contract->bid)->submitted_on + 60 <= moved_start &&
          (latest < 0 || contract->start_on > CONTRACT (self, latest)->start_on))
        latest = c;
    }

  if (latest >= 0)
    {
      Contract *contract = CONTRACT (self, latest);
      gint32 length = contract->end_on - contract->start_on;

      contract->start_on = moved_start;
      contract->end_on = moved_start + length;
    }
}

static void
make_contracts (Generator *self)
{
  const Plan *plan = &self->plan;
  guint from_bids = plan->contracts - plan->direct_awards;
  guint n_won = 0;
  guint first_partner = plan->commissioners + plan->leads;
  g_autofree guint32 *won = g_new (guint32, plan->won);
  g_autofree guint32 *order = NULL;
  g_autofree guint8 *without = NULL;
  guint recent = 0;
  Rng rng;

  rng_init (&rng, self->seed, STAGE_CONTRACTS);
  self->contracts = g_array_sized_new (FALSE, TRUE, sizeof (Contract), plan->contracts);

  for (guint i = 0; i < plan->bids; i++)
    if (BID (self, i)->outcome == OUTCOME_WON)
      won[n_won++] = i;
  g_assert (n_won == plan->won);

  /* The won bids still without a contract are among those of the last nine months. */
  without = g_new0 (guint8, n_won);
  while (recent < n_won && BID (self, won[n_won - 1 - recent])->submitted_on >= SNAPSHOT_DAY - 270)
    recent++;
  recent = MAX (recent, n_won - from_bids);
  order = shuffled_indices (&rng, recent);
  for (guint i = 0; i < n_won - from_bids; i++)
    without[n_won - recent + order[i]] = TRUE;

  for (guint w = 0; w < n_won; w++)
    {
      Bid *bid = BID (self, won[w]);
      Contract contract = { 0 };

      if (without[w])
        continue;

      contract.bid = won[w];
      contract.lead = bid->lead;
      contract.commissioner = bid->commissioner;
      contract.area = bid->area;
      contract.name_parties = rng_per_mille (&rng, 300);
      contract.title = rng_per_mille (&rng, 970) ? bid->title : NULL;
      contract.model = bid->consortium >= 0 ? model_words[CONSORTIUM (self, bid->consortium)->model]
                     : rng_per_mille (&rng, 800) ? "prime"
                     : rng_per_mille (&rng, 500) ? "lead provider"
                     : NULL;

      /* Evaluation, standstill and mobilisation take three to ten months. */
      contract.start_on = bid->submitted_on + rng_between (&rng, 90, 300);
      if (rng_per_mille (&rng, 750))
        contract.start_on = first_of_next_month (contract.start_on);
      contract.end_on = last_day_after_years (contract.start_on, contract_years (&rng));

      /* Awarded at the price bid, or negotiated down a little. */
      contract.value = rng_per_mille (&rng, 500) ? bid->value
                     : round_to (bid->value * rng_between (&rng, 90, 99) / 100, POUNDS (50));
      add_contract_terms (&rng, &contract);

      g_array_append_val (self->contracts, contract);
    }

  for (guint d = 0; d < plan->direct_awards; d++)
    {
      static const gint64 decades[] = { 10000, 100000, 1000000 };
      static const guint weights[] = { 30, 50, 20 };
      Contract contract = { 0 };
      g_autofree char *title = NULL;

      contract.bid = -1;
      contract.area = pick_cumulative (&rng, self->area_weights, plan->areas);
      contract.commissioner = contract.area % plan->local_authorities;
      /* Three in ten go to a local group, such as the infrastructure body, without a tender. */
      contract.lead = rng_per_mille (&rng, 700) || first_partner >= plan->organisations
                    ? pick_lead (self, &rng) : pick_partner (self, &rng, contract.area, 0);
      contract.name_parties = TRUE;
      title = g_strdup_printf ("%s: %s (direct award)", self->places[contract.area], PICK (&rng, direct_services));
      contract.title = keep (self, title);
      contract.model = "direct award";
      contract.start_on = first_of_next_month (rng_between (&rng, days_from_civil (2016, 9, 1),
                                                            days_from_civil (2026, 11, 1)));
      contract.end_on = last_day_after_years (contract.start_on, 1 + rng_below (&rng, 3));
      contract.value = round_to (log_uniform_pence (&rng, decades[rng_weighted (&rng, weights, 3)]), POUNDS (100));
      add_contract_terms (&rng, &contract);
      g_array_append_val (self->contracts, contract);
    }
  g_assert (self->contracts->len == plan->contracts);
  start_one_contract_lately (self);

  /* References in order of starting. */
  self->contract_order = g_new (guint32, self->contracts->len);
  for (guint i = 0; i < self->contracts->len; i++)
    self->contract_order[i] = i;
  g_qsort_with_data (self->contract_order, self->contracts->len, sizeof (guint32), compare_contracts, self);
  for (guint n = 0; n < self->contracts->len; n++)
    CONTRACT (self, self->contract_order[n])->number = n + 1;
}

/* Subcontracts */

static gint16
payment_terms (Rng *rng)
{
  static const gint16 terms[] = { 30, -1, 14, 7, 45, 60 };
  static const guint weights[] = { 650, 150, 80, 20, 30, 70 };

  return terms[rng_weighted (rng, weights, G_N_ELEMENTS (weights))];
}

/* How each lead pays: most pay their partners on time; some are slow with many; a few
 * fail most of them. */
typedef enum
{
  HABIT_GOOD,
  HABIT_MIXED,
  HABIT_BAD,
} Habit;

static guint8
pick_payer (Rng   *rng,
            Habit  habit)
{
  static const guint payers[][4] = {
    /* prompt, slow, poor, generous */
    [HABIT_GOOD] = { 850, 80, 30, 40 },
    [HABIT_MIXED] = { 620, 200, 100, 80 },
    [HABIT_BAD] = { 400, 300, 250, 50 },
  };

  return rng_weighted (rng, payers[habit], G_N_ELEMENTS (payers[habit]));
}

/* A subcontract signed on or after the contract's start (a few just before), unless that
 * day is still to come: then it is not in the books yet. */
static void
add_subcontract (Generator *self,
                 Rng       *rng,
                 guint      contract_index,
                 guint32    organisation,
                 gint64     value,
                 guint8     payer)
{
  static const guint delay_weights[] = { 40, 35, 20, 5 };
  Contract *contract = CONTRACT (self, contract_index);
  Subcontract subcontract = { 0 };
  gint32 signed_on = contract->start_on;

  switch (rng_weighted (rng, delay_weights, G_N_ELEMENTS (delay_weights)))
    {
    case 0:
      break;
    case 1:
      signed_on += rng_between (rng, 1, 60);
      break;
    case 2:
      signed_on += rng_between (rng, 61, 180);
      break;
    default:
      signed_on -= rng_between (rng, 1, 30);
      break;
    }
  if (signed_on > SNAPSHOT_DAY)
    return;

  subcontract.contract = contract_index;
  subcontract.organisation = organisation;
  subcontract.value = value;
  subcontract.start_on = signed_on <= contract->start_on ? contract->start_on : first_of_next_month (signed_on);
  subcontract.start_on = MIN (subcontract.start_on, contract->end_on);
  subcontract.end_on = contract->end_on;
  if (rng_per_mille (rng, 200))
    subcontract.end_on = MIN (contract->end_on, last_day_after_years (subcontract.start_on, 1 + rng_below (rng, 2)));

  /* Left empty, a date is the contract's: many subcontracts just run with it. */
  subcontract.write_start = subcontract.start_on != contract->start_on || rng_per_mille (rng, 700);
  subcontract.write_end = subcontract.end_on != contract->end_on || rng_per_mille (rng, 700);
  subcontract.terms = payment_terms (rng);
  subcontract.payer = payer;
  g_array_append_val (self->subcontracts, subcontract);
}

/* What a partner is given against what it was promised: the promise exactly, a little
 * more, or less (down to 30 %). */
static gint64
subcontract_value (Rng    *rng,
                   gint64  promised)
{
  static const guint weights[] = { 450, 150, 400 };
  gint64 value;

  switch (rng_weighted (rng, weights, G_N_ELEMENTS (weights)))
    {
    case 0:
      return promised;
    case 1:
      return round_to (promised * rng_between (rng, 101, 110) / 100, POUNDS (100)) + POUNDS (100);
    default:
      value = round_to (promised * rng_between (rng, 30, 99) / 100, POUNDS (100));
      /* Rounding must not lift a small promise's "less" back up to the promise. */
      return value < promised ? value : promised * 9 / 10;
    }
}

static gint
compare_subcontracts (gconstpointer a,
                      gconstpointer b,
                      gpointer      user_data)
{
  Generator *self = user_data;
  guint32 i = *(const guint32 *)a;
  guint32 j = *(const guint32 *)b;
  Subcontract *x = SUBCONTRACT (self, i);
  Subcontract *y = SUBCONTRACT (self, j);

  if (x->start_on != y->start_on)
    return x->start_on < y->start_on ? -1 : 1;
  return i < j ? -1 : i > j;
}

static void
make_subcontracts (Generator *self)
{
  static const guint habit_weights[] = { 600, 300, 100 };
  g_autofree guint8 *habits = g_new (guint8, self->plan.organisations);
  gint32 waiting = -1;
  Rng rng;

  rng_init (&rng, self->seed, STAGE_SUBCONTRACTS);
  for (guint i = 0; i < self->plan.organisations; i++)
    habits[i] = rng_weighted (&rng, habit_weights, G_N_ELEMENTS (habit_weights));
  self->subcontracts = g_array_sized_new (FALSE, TRUE, sizeof (Subcontract), self->partners->len * 2 / 3);

  /* However the draws fall, one partner of the latest contract to start in the grace
   * period before the snapshot is still waiting for its subcontract. */
  for (guint c = 0; c < self->contracts->len; c++)
    {
      Contract *contract = CONTRACT (self, c);

      if (contract->bid >= 0 && contract->start_on > SNAPSHOT_DAY - CANDOUR_DEFAULT_GRACE_DAYS &&
          contract->start_on <= SNAPSHOT_DAY &&
          (waiting < 0 || contract->start_on >= CONTRACT (self, waiting)->start_on))
        waiting = c;
    }

  for (guint c = 0; c < self->contracts->len; c++)
    {
      Contract *contract = CONTRACT (self, c);
      Bid *bid = contract->bid >= 0 ? BID (self, contract->bid) : NULL;
      guint n_unnamed = 0;

      for (guint p = 0; bid != NULL && p < bid->n_partners; p++)
        {
          BidPartner *partner = PARTNER (self, bid->first_partner + p);
          gint64 value;

          /* Four in ten named partners never get a subcontract. */
          if (!rng_per_mille (&rng, 600) || ((gint32)c == waiting && p == 0))
            continue;

          if (partner->promised_value != NO_MONEY)
            value = subcontract_value (&rng, partner->promised_value);
          else if (partner->promised_share >= 0)
            value = subcontract_value (&rng, candour_round_mul_div (partner->promised_share, contract->value, 10000));
          else
            value = round_to (partner->intended * rng_between (&rng, 50, 110) / 100, POUNDS (100));

          /* A framework place with nothing guaranteed. */
          if (rng_per_mille (&rng, 10))
            value = 0;

          add_subcontract (self, &rng, c, partner->organisation, value, pick_payer (&rng, habits[contract->lead]));
        }

      /* Partners the bid never named. */
      if (bid == NULL)
        n_unnamed = rng_per_mille (&rng, 500) ? rng_between (&rng, 1, 4) : 0;
      else if (rng_per_mille (&rng, 250))
        n_unnamed = rng_between (&rng, 1, 3);

      for (guint u = 0; u < n_unnamed; u++)
        {
          guint32 organisation = pick_partner (self, &rng, contract->area, contract->lead);
          gboolean named = organisation == contract->lead || organisation < self->plan.commissioners;

          for (guint p = 0; bid != NULL && p < bid->n_partners && !named; p++)
            named = PARTNER (self, bid->first_partner + p)->organisation == organisation;
          if (!named)
            add_subcontract (self, &rng, c, organisation,
                             round_to (contract->value * rng_between (&rng, 1, 8) / 100, POUNDS (100)),
                             pick_payer (&rng, habits[contract->lead]));
        }
    }

  /* References in order of starting. */
  self->subcontract_order = g_new (guint32, MAX (self->subcontracts->len, 1));
  for (guint i = 0; i < self->subcontracts->len; i++)
    self->subcontract_order[i] = i;
  g_qsort_with_data (self->subcontract_order, self->subcontracts->len, sizeof (guint32), compare_subcontracts, self);
  for (guint n = 0; n < self->subcontracts->len; n++)
    SUBCONTRACT (self, self->subcontract_order[n])->number = n + 1;
}

/* Payments */

/* Days of work that should have been paid for by the snapshot: up to `terms` days before
 * it, within the agreement's life. */
static gint32
days_to_pay_for (gint32 start_on,
                 gint32 end_on,
                 gint32 terms)
{
  gint32 until = MIN (end_on, SNAPSHOT_DAY - terms);

  return until >= start_on ? until - start_on + 1 : 0;
}

/* Shares `total` in proportion to the weights, exactly: each item gets the whole part of
 * its share, and what is left goes one at a time to items drawn at random, never beyond
 * an item's weight while the weights allow (a payment needs a day of work at least). */
static void
share_out (Rng           *rng,
           const guint32 *weights,
           guint          n,
           guint64        total,
           guint32       *counts)
{
  guint64 sum = 0;
  guint64 given = 0;
  g_autoptr(GArray) eligible = g_array_new (FALSE, FALSE, sizeof (guint32));

  for (guint32 i = 0; i < n; i++)
    {
      sum += weights[i];
      if (weights[i] > 0)
        g_array_append_val (eligible, i);
    }
  g_assert (sum > 0);

  for (guint i = 0; i < n; i++)
    given += counts[i] = total * weights[i] / sum;
  for (; given < total; given++)
    {
      guint32 i;

      do
        i = g_array_index (eligible, guint32, rng_below (rng, eligible->len));
      while (total <= sum && counts[i] >= weights[i]);
      counts[i]++;
    }
}

typedef struct
{
  gint64 value;
  gint32 start_on;
  gint32 end_on;
  gint32 terms;
  gint32 paid_share;            /* of what is due, in basis points */
  gint32 delay_low;             /* days from invoice to payment */
  gint32 delay_high;
  gint32 paid_by;               /* the last day the terms allow after the work's end, or NO_DATE */
  guint32 target;
  gboolean by_activity;         /* invoices follow the work done, not equal instalments */
} Schedule;

static void
add_payment (Generator *self,
             guint32    target,
             gint64     amount,
             gint32     paid_on,
             gint32     invoiced_on)
{
  Payment *payment = &self->payments[self->n_payments++];

  payment->target = target;
  payment->amount = amount;
  g_assert (paid_on <= SNAPSHOT_DAY);
  payment->paid_on = paid_on;
  payment->invoiced_on = invoiced_on;
}

/* `low` to `high` days after `from`, but never after the snapshot: a day that would be
 * later is drawn again from the days left, so that payments do not pile up on the last. */
static gint32
day_after (Rng    *rng,
           gint32  from,
           gint32  low,
           gint32  high)
{
  gint32 day = from + (gint32)rng_between (rng, low, high);

  if (day > SNAPSHOT_DAY)
    day = from >= SNAPSHOT_DAY ? SNAPSHOT_DAY : from + (gint32)rng_between (rng, 0, SNAPSHOT_DAY - from);
  return day;
}

/* How often a payment that would come after paid_by keeps its day: partners are paid
 * within their terms of the work's end, bar a rare slip (about one payment in two
 * thousand in all), which the import lists as a warning. */
#define LATE_KEPT_PER_MILLE 35

/* day, or when that is after paid_by (and not a slip) a day from `from` to paid_by. */
static gint32
paid_within_terms (Rng            *rng,
                   const Schedule *schedule,
                   gint32          day,
                   gint32          from)
{
  if (schedule->paid_by == NO_DATE || day <= schedule->paid_by || from > schedule->paid_by ||
      rng_per_mille (rng, LATE_KEPT_PER_MILLE))
    return day;
  return from + (gint32)rng_between (rng, 0, schedule->paid_by - from);
}

/* `slots` payments against one agreement: invoices spread evenly over the work to be
 * paid for, adding up to paid_share of what is due by the snapshot, and now and then an
 * overpayment refunded a few weeks later. A block contract is paid in equal instalments;
 * one paid by activity invoices for uneven stretches of work. */
static void
pay_by_schedule (Generator      *self,
                 Rng            *rng,
                 const Schedule *schedule,
                 guint           slots)
{
  gint32 covered = days_to_pay_for (schedule->start_on, schedule->end_on, schedule->terms);
  gint64 length = schedule->end_on - schedule->start_on + 1;
  guint n_refunds = 0;
  guint n_instalments;
  gint64 due_before = 0;
  gboolean uneven;

  g_assert (covered > 0);
  for (guint s = 1; s < slots; s++)
    if (rng_per_mille (rng, 10) && n_refunds + 1 < slots - n_refunds)
      n_refunds++;
  n_instalments = slots - n_refunds;
  /* Only with a few days of work per invoice can two invoices not cover the same days. */
  uneven = schedule->by_activity && covered >= 4 * (gint64)n_instalments;

  for (guint j = 1; j <= n_instalments; j++)
    {
      /* Invoice j is for the work up to j / n of the way, give or take 0.3 / n. */
      gint64 point = 100 * j + (uneven && j < n_instalments ? rng_between (rng, -30, 30) : 0);
      gint64 parts = 100 * (gint64)n_instalments;
      gint32 work_until = schedule->start_on - 1 + (gint32)((covered * point + parts - 1) / parts);
      gint64 days_worked = work_until - schedule->start_on + 1;
      gint64 due = candour_round_mul_div (schedule->value, schedule->paid_share * days_worked, 10000 * length);
      gint64 amount = due - due_before;
      gint32 invoiced_on = MIN (work_until + (gint32)rng_between (rng, 0, 5), SNAPSHOT_DAY);
      gint32 paid_on;
      gboolean refund = n_refunds > 0 && rng_below (rng, n_instalments - j + 1) < n_refunds;

      due_before = due;

      /* A few are paid in advance of the invoice. */
      if (rng_per_mille (rng, 20))
        paid_on = invoiced_on - rng_between (rng, 1, 14);
      else
        paid_on = paid_within_terms (rng, schedule,
                                     day_after (rng, invoiced_on, schedule->delay_low, schedule->delay_high),
                                     invoiced_on);

      if (refund)
        {
          gint64 excess = MAX (POUNDS (1), amount * rng_between (rng, 10, 100) / 100);

          add_payment (self, schedule->target, amount + excess, paid_on,
                       rng_per_mille (rng, 900) ? invoiced_on : NO_DATE);
          add_payment (self, schedule->target, -excess,
                       paid_within_terms (rng, schedule, day_after (rng, paid_on, 7, 45), paid_on), NO_DATE);
          n_refunds--;
        }
      else
        add_payment (self, schedule->target, amount, paid_on, rng_per_mille (rng, 900) ? invoiced_on : NO_DATE);
    }
}

static gboolean
make_payments (Generator  *self,
               GError    **error)
{
  guint n_contracts = self->contracts->len;
  guint n_subcontracts = self->subcontracts->len;
  g_autofree guint32 *contract_weights = g_new0 (guint32, MAX (n_contracts, 1));
  g_autofree guint32 *contract_slots = g_new0 (guint32, MAX (n_contracts, 1));
  g_autofree guint32 *subcontract_weights = g_new0 (guint32, MAX (n_subcontracts, 1));
  g_autofree guint32 *subcontract_slots = g_new0 (guint32, MAX (n_subcontracts, 1));
  g_autofree guint32 *per_day = NULL;
  gboolean any_contract = FALSE;
  gboolean any_subcontract = FALSE;
  guint to_contracts;
  gint32 first_day = G_MAXINT32;
  gint32 n_days;
  Rng rng;

  rng_init (&rng, self->seed, STAGE_PAYMENTS);

  for (guint c = 0; c < n_contracts; c++)
    {
      Contract *contract = CONTRACT (self, c);

      contract_weights[c] = days_to_pay_for (contract->start_on, contract->end_on, 30);
      any_contract |= contract_weights[c] > 0;
    }
  for (guint s = 0; s < n_subcontracts; s++)
    {
      Subcontract *subcontract = SUBCONTRACT (self, s);

      if (subcontract->value > 0)
        subcontract_weights[s] = days_to_pay_for (subcontract->start_on, subcontract->end_on,
                                                  subcontract->terms >= 0 ? subcontract->terms : 30);
      any_subcontract |= subcontract_weights[s] > 0;
    }

  /* One payment in twenty is the commissioner paying the lead; the rest flow down. */
  if (any_contract && any_subcontract)
    to_contracts = self->plan.payments / 20;
  else
    to_contracts = any_contract ? self->plan.payments : 0;
  if (any_contract)
    share_out (&rng, contract_weights, n_contracts, to_contracts, contract_slots);
  if (any_subcontract)
    share_out (&rng, subcontract_weights, n_subcontracts, self->plan.payments - to_contracts, subcontract_slots);

  self->payments = g_new (Payment, MAX (self->plan.payments, 1));
  self->n_payments = 0;

  for (guint c = 0; c < n_contracts; c++)
    {
      Contract *contract = CONTRACT (self, c);
      gboolean late = rng_per_mille (&rng, 100);
      Schedule schedule = {
        .value = contract->value,
        .start_on = contract->start_on,
        .end_on = contract->end_on,
        .terms = 30,
        .paid_share = late ? rng_between (&rng, 8500, 9700) : rng_between (&rng, 9800, 10200),
        .delay_low = late ? 20 : 0,
        .delay_high = late ? 90 : 45,
        .paid_by = NO_DATE,
        .target = c | PAYMENT_TO_CONTRACT,
        .by_activity = rng_per_mille (&rng, 300),
      };

      if (contract_slots[c] > 0)
        pay_by_schedule (self, &rng, &schedule, contract_slots[c]);
    }

  for (guint s = 0; s < n_subcontracts; s++)
    {
      Subcontract *subcontract = SUBCONTRACT (self, s);
      gint32 terms = subcontract->terms >= 0 ? subcontract->terms : 30;
      Schedule schedule = {
        .value = subcontract->value,
        .start_on = subcontract->start_on,
        .end_on = subcontract->end_on,
        .terms = terms,
        .paid_by = subcontract->end_on + terms,
        .target = s,
        .by_activity = rng_per_mille (&rng, 400),
      };

      if (s % 4096 == 0 && g_cancellable_set_error_if_cancelled (self->cancellable, error))
        return FALSE;
      if (subcontract_slots[s] == 0)
        continue;

      switch (subcontract->payer)
        {
        case PAYER_PROMPT:
          schedule.paid_share = rng_between (&rng, 9500, 10500);
          schedule.delay_low = MIN (3, terms);
          schedule.delay_high = rng_per_mille (&rng, 900) ? MAX (terms, 3) : MIN (terms + 20, 90);
          break;
        case PAYER_SLOW:
          schedule.paid_share = rng_between (&rng, 7000, 8900);
          schedule.delay_low = MIN (terms, 60);
          schedule.delay_high = MIN (terms + 60, 90);
          break;
        case PAYER_POOR:
          schedule.paid_share = rng_between (&rng, 2000, 6000);
          schedule.delay_low = 30;
          schedule.delay_high = 90;
          break;
        default:
          schedule.paid_share = rng_between (&rng, 10000, 11500);
          schedule.delay_low = 0;
          schedule.delay_high = MAX (terms / 2, 1);
          break;
        }
      pay_by_schedule (self, &rng, &schedule, subcontract_slots[s]);
    }

  /* References in order of payment (a counting sort by day keeps the order among a
   * day's payments, so no comparison can tie). */
  for (guint i = 0; i < self->n_payments; i++)
    first_day = MIN (first_day, self->payments[i].paid_on);
  n_days = self->n_payments > 0 ? SNAPSHOT_DAY - first_day + 1 : 1;
  per_day = g_new0 (guint32, n_days + 1);
  for (guint i = 0; i < self->n_payments; i++)
    per_day[self->payments[i].paid_on - first_day + 1]++;
  for (gint32 d = 0; d < n_days; d++)
    per_day[d + 1] += per_day[d];
  self->payment_order = g_new (guint32, MAX (self->n_payments, 1));
  for (guint i = 0; i < self->n_payments; i++)
    self->payment_order[per_day[self->payments[i].paid_on - first_day]++] = i;

  return TRUE;
}

/* Writing the files */

typedef struct
{
  Generator *generator;
  char *path;
  int fd;
  GOutputStream *stream;
  CandourCsvWriter *writer;
  guint rows;
} Output;

static void
output_clear (Output *output)
{
  g_clear_pointer (&output->writer, candour_csv_writer_free);
  if (output->stream != NULL)
    g_output_stream_close (output->stream, NULL, NULL);
  g_clear_object (&output->stream);
  g_clear_pointer (&output->path, g_free);
}

static gboolean
set_io_error (GError     **error,
              int          saved_errno,
              const char  *what,
              const char  *path)
{
  g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
               "Could not %s %s: %s", what, path, g_strerror (saved_errno));
  return FALSE;
}

static gboolean
output_open (Output              *output,
             Generator           *generator,
             const char          *folder,
             CandourTable         table,
             GError             **error)
{
  g_autofree char *name = g_strconcat (candour_table_get_name (table), ".csv", NULL);
  const ImportTable *fields = &candour_import_tables[table];

  memset (output, 0, sizeof *output);
  output->generator = generator;
  output->path = g_build_filename (folder, name, NULL);
  output->fd = g_open (output->path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
  if (output->fd < 0)
    return set_io_error (error, errno, "create", output->path);

  output->stream = g_unix_output_stream_new (output->fd, TRUE);
  output->writer = candour_csv_writer_new (output->stream);
  /* The import's own columns, in its order: the rows below are written in it. */
  for (guint i = 0; i < fields->n_fields; i++)
    candour_csv_writer_add_text (output->writer, fields->fields[i].name);
  return candour_csv_writer_end_row (output->writer, error);
}

static gboolean
output_end_row (Output  *output,
                GError **error)
{
  if (!candour_csv_writer_end_row (output->writer, error))
    return FALSE;
  output->rows++;
  return output->rows % 8192 != 0 ||
         !g_cancellable_set_error_if_cancelled (output->generator->cancellable, error);
}

/* Flushed and on the disk before the folder is renamed into place. */
static gboolean
output_close (Output  *output,
              GError **error)
{
  if (!candour_csv_writer_close (output->writer, error))
    return FALSE;
  if (fsync (output->fd) != 0)
    return set_io_error (error, errno, "write", output->path);
  g_clear_pointer (&output->writer, candour_csv_writer_free);
  if (!g_output_stream_close (output->stream, NULL, error))
    return FALSE;
  g_clear_object (&output->stream);
  return TRUE;
}

/* Digits of value written backwards ending just before `end`, zero-padded to width. */
static char *
format_digits (char    *end,
               guint64  value,
               int      width)
{
  char *p = end;

  do
    {
      *--p = (char)('0' + value % 10);
      value /= 10;
      width--;
    }
  while (value > 0 || width > 0);
  return p;
}

static void
add_ref (CandourCsvWriter *writer,
         const char       *prefix,
         guint64           number,
         int               width)
{
  char buffer[48];
  char *end = buffer + sizeof buffer - 1;
  char *p;
  gsize length = strlen (prefix);

  *end = '\0';
  p = format_digits (end, number, width) - length;
  memcpy (p, prefix, length);
  candour_csv_writer_add_text (writer, p);
}

static void
add_organisation_ref (Generator        *self,
                      CandourCsvWriter *writer,
                      gint64            organisation)
{
  if (organisation < 0)
    candour_csv_writer_add_text (writer, NULL);
  else
    add_ref (writer, "ORG-", ORGANISATION (self, organisation)->number, 6);
}

/* 1234.50, -250.00: the export's own form. */
static void
add_money (CandourCsvWriter *writer,
           gint64            pence)
{
  char buffer[40];
  char *end = buffer + sizeof buffer - 1;
  guint64 magnitude;
  char *p;

  if (pence == NO_MONEY)
    {
      candour_csv_writer_add_number (writer, NULL);
      return;
    }
  magnitude = pence < 0 ? -(guint64)pence : (guint64)pence;
  *end = '\0';
  p = format_digits (end, magnitude % 100, 2);
  *--p = '.';
  p = format_digits (p, magnitude / 100, 1);
  if (pence < 0)
    *--p = '-';
  candour_csv_writer_add_number (writer, p);
}

static void
add_date (CandourCsvWriter *writer,
          gint32            days)
{
  char text[11];
  int year, month, day;

  if (days == NO_DATE)
    {
      candour_csv_writer_add_number (writer, NULL);
      return;
    }
  civil_from_days (days, &year, &month, &day);
  text[0] = (char)('0' + year / 1000);
  text[1] = (char)('0' + year / 100 % 10);
  text[2] = (char)('0' + year / 10 % 10);
  text[3] = (char)('0' + year % 10);
  text[4] = '-';
  text[5] = (char)('0' + month / 10);
  text[6] = (char)('0' + month % 10);
  text[7] = '-';
  text[8] = (char)('0' + day / 10);
  text[9] = (char)('0' + day % 10);
  text[10] = '\0';
  candour_csv_writer_add_number (writer, text);
}

/* Basis points as typed: 2500 → "25", 1250 → "12.5", 3333 → "33.33". */
static void
add_percent (CandourCsvWriter *writer,
             gint32            basis_points)
{
  char text[16];

  if (basis_points < 0)
    candour_csv_writer_add_number (writer, NULL);
  else
    {
      if (basis_points % 100 == 0)
        g_snprintf (text, sizeof text, "%d", basis_points / 100);
      else if (basis_points % 10 == 0)
        g_snprintf (text, sizeof text, "%d.%d", basis_points / 100, basis_points % 100 / 10);
      else
        g_snprintf (text, sizeof text, "%d.%02d", basis_points / 100, basis_points % 100);
      candour_csv_writer_add_number (writer, text);
    }
}

static void
add_yes_no (CandourCsvWriter *writer,
            gboolean          value)
{
  candour_csv_writer_add_text (writer, value ? "yes" : "no");
}

static gboolean
write_organisations (Generator   *self,
                     const char  *folder,
                     guint       *out_rows,
                     GError     **error)
{
  Output output;
  gboolean ok = output_open (&output, self, folder, CANDOUR_TABLE_ORGANISATIONS, error);

  for (guint n = 0; ok && n < self->plan.organisations; n++)
    {
      guint32 i = self->by_number[n];
      Organisation *organisation = ORGANISATION (self, i);

      add_organisation_ref (self, output.writer, i);
      candour_csv_writer_add_text (output.writer, organisation->name);
      candour_csv_writer_add_text (output.writer, organisation->org_id);
      candour_csv_writer_add_text (output.writer, kind_words[organisation->kind]);
      add_money (output.writer, organisation->income);
      candour_csv_writer_add_text (output.writer, locality_words[organisation->locality]);
      candour_csv_writer_add_text (output.writer, organisation->led_by);
      candour_csv_writer_add_text (output.writer, organisation->notes);
      ok = output_end_row (&output, error);
    }

  ok = ok && output_close (&output, error);
  *out_rows = output.rows;
  output_clear (&output);
  return ok;
}

static gboolean
write_consortia (Generator   *self,
                 const char  *folder,
                 guint       *out_rows,
                 GError     **error)
{
  Output output;
  gboolean ok = output_open (&output, self, folder, CANDOUR_TABLE_CONSORTIA, error);

  for (guint k = 0; ok && k < self->consortia->len; k++)
    {
      Consortium *consortium = CONSORTIUM (self, k);

      add_ref (output.writer, "CONS-", k + 1, 4);
      candour_csv_writer_add_text (output.writer, consortium->name);
      candour_csv_writer_add_text (output.writer, model_words[consortium->model]);
      add_organisation_ref (self, output.writer, consortium->lead);
      add_yes_no (output.writer, consortium->agreement);
      add_date (output.writer, consortium->agreement_on);
      add_yes_no (output.writer, consortium->due_diligence);
      candour_csv_writer_add_text (output.writer, consortium->notes);
      ok = output_end_row (&output, error);
    }

  ok = ok && output_close (&output, error);
  *out_rows = output.rows;
  output_clear (&output);
  return ok;
}

static gboolean
write_members (Generator   *self,
               const char  *folder,
               guint       *out_rows,
               GError     **error)
{
  Output output;
  gboolean ok = output_open (&output, self, folder, CANDOUR_TABLE_CONSORTIUM_MEMBERS, error);

  for (guint k = 0; ok && k < self->consortia->len; k++)
    {
      Consortium *consortium = CONSORTIUM (self, k);

      for (guint m = 0; ok && m < consortium->n_members; m++)
        {
          Member *member = MEMBER (self, consortium->first_member + m);

          add_ref (output.writer, "CONS-", k + 1, 4);
          add_organisation_ref (self, output.writer, member->organisation);
          add_date (output.writer, member->joined_on);
          add_date (output.writer, member->left_on);
          ok = output_end_row (&output, error);
        }
    }

  ok = ok && output_close (&output, error);
  *out_rows = output.rows;
  output_clear (&output);
  return ok;
}

static gboolean
write_bids (Generator   *self,
            const char  *folder,
            guint       *out_rows,
            GError     **error)
{
  Output output;
  gboolean ok = output_open (&output, self, folder, CANDOUR_TABLE_BIDS, error);

  for (guint b = 0; ok && b < self->bids->len; b++)
    {
      Bid *bid = BID (self, b);

      add_ref (output.writer, "BID-", b + 1, 6);
      candour_csv_writer_add_text (output.writer, bid->title);
      add_organisation_ref (self, output.writer, bid->lead);
      add_organisation_ref (self, output.writer, bid->commissioner);
      add_money (output.writer, bid->value);
      add_date (output.writer, bid->submitted_on);
      candour_csv_writer_add_text (output.writer, outcome_words[bid->outcome]);
      if (bid->consortium >= 0)
        add_ref (output.writer, "CONS-", bid->consortium + 1, 4);
      else
        candour_csv_writer_add_text (output.writer, NULL);
      ok = output_end_row (&output, error);
    }

  ok = ok && output_close (&output, error);
  *out_rows = output.rows;
  output_clear (&output);
  return ok;
}

static gboolean
write_bid_partners (Generator   *self,
                    const char  *folder,
                    guint       *out_rows,
                    GError     **error)
{
  Output output;
  gboolean ok = output_open (&output, self, folder, CANDOUR_TABLE_BID_PARTNERS, error);

  for (guint b = 0; ok && b < self->bids->len; b++)
    {
      Bid *bid = BID (self, b);

      for (guint p = 0; ok && p < bid->n_partners; p++)
        {
          BidPartner *partner = PARTNER (self, bid->first_partner + p);

          add_ref (output.writer, "BID-", b + 1, 6);
          add_organisation_ref (self, output.writer, partner->organisation);
          candour_csv_writer_add_text (output.writer, partner->role);
          add_money (output.writer, partner->promised_value);
          add_percent (output.writer, partner->promised_share);
          candour_csv_writer_add_text (output.writer, consent_words[partner->consent]);
          ok = output_end_row (&output, error);
        }
    }

  ok = ok && output_close (&output, error);
  *out_rows = output.rows;
  output_clear (&output);
  return ok;
}

static gboolean
write_contracts (Generator   *self,
                 const char  *folder,
                 guint       *out_rows,
                 GError     **error)
{
  Output output;
  gboolean ok = output_open (&output, self, folder, CANDOUR_TABLE_CONTRACTS, error);

  for (guint n = 0; ok && n < self->contracts->len; n++)
    {
      Contract *contract = CONTRACT (self, self->contract_order[n]);

      add_ref (output.writer, "CON-", contract->number, 6);
      if (contract->bid >= 0)
        add_ref (output.writer, "BID-", contract->bid + 1, 6);
      else
        candour_csv_writer_add_text (output.writer, NULL);
      candour_csv_writer_add_text (output.writer, contract->title);
      add_organisation_ref (self, output.writer, contract->name_parties ? (gint64)contract->commissioner : -1);
      add_organisation_ref (self, output.writer, contract->name_parties ? (gint64)contract->lead : -1);
      add_money (output.writer, contract->value);
      add_date (output.writer, contract->start_on);
      add_date (output.writer, contract->end_on);
      candour_csv_writer_add_text (output.writer, contract->model);
      add_percent (output.writer, contract->required_small_share);
      add_money (output.writer, contract->small_income_limit);
      ok = output_end_row (&output, error);
    }

  ok = ok && output_close (&output, error);
  *out_rows = output.rows;
  output_clear (&output);
  return ok;
}

static gboolean
write_subcontracts (Generator   *self,
                    const char  *folder,
                    guint       *out_rows,
                    GError     **error)
{
  Output output;
  gboolean ok = output_open (&output, self, folder, CANDOUR_TABLE_SUBCONTRACTS, error);

  for (guint n = 0; ok && n < self->subcontracts->len; n++)
    {
      Subcontract *subcontract = SUBCONTRACT (self, self->subcontract_order[n]);
      char terms[8];

      add_ref (output.writer, "SUB-", subcontract->number, 7);
      add_ref (output.writer, "CON-", CONTRACT (self, subcontract->contract)->number, 6);
      add_organisation_ref (self, output.writer, subcontract->organisation);
      add_money (output.writer, subcontract->value);
      add_date (output.writer, subcontract->write_start ? subcontract->start_on : NO_DATE);
      add_date (output.writer, subcontract->write_end ? subcontract->end_on : NO_DATE);
      g_snprintf (terms, sizeof terms, "%d", subcontract->terms);
      candour_csv_writer_add_number (output.writer, subcontract->terms >= 0 ? terms : NULL);
      ok = output_end_row (&output, error);
    }

  ok = ok && output_close (&output, error);
  *out_rows = output.rows;
  output_clear (&output);
  return ok;
}

static gboolean
write_payments (Generator   *self,
                const char  *folder,
                guint       *out_rows,
                GError     **error)
{
  Output output;
  gboolean ok = output_open (&output, self, folder, CANDOUR_TABLE_PAYMENTS, error);

  for (guint n = 0; ok && n < self->n_payments; n++)
    {
      Payment *payment = &self->payments[self->payment_order[n]];

      add_ref (output.writer, "PAY-", n + 1, 8);
      if (payment->target & PAYMENT_TO_CONTRACT)
        {
          add_ref (output.writer, "CON-", CONTRACT (self, payment->target & ~PAYMENT_TO_CONTRACT)->number, 6);
          candour_csv_writer_add_text (output.writer, NULL);
        }
      else
        {
          candour_csv_writer_add_text (output.writer, NULL);
          add_ref (output.writer, "SUB-", SUBCONTRACT (self, payment->target)->number, 7);
        }
      add_money (output.writer, payment->amount);
      add_date (output.writer, payment->paid_on);
      add_date (output.writer, payment->invoiced_on);
      ok = output_end_row (&output, error);
    }

  ok = ok && output_close (&output, error);
  *out_rows = output.rows;
  output_clear (&output);
  return ok;
}

/* The folder */

/* `folder` may be new or an empty folder, nothing else. */
static gboolean
check_folder_is_free (const char  *folder,
                      GError     **error)
{
  GStatBuf info;
  g_autoptr(GDir) dir = NULL;

  if (g_lstat (folder, &info) != 0)
    {
      int saved_errno = errno;

      if (saved_errno == ENOENT)
        return TRUE;
      return set_io_error (error, saved_errno, "look at", folder);
    }

  if (!S_ISDIR (info.st_mode))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_EXISTS, "%s already exists and is not a folder; name a new folder",
                   folder);
      return FALSE;
    }

  dir = g_dir_open (folder, 0, error);
  if (dir == NULL)
    return FALSE;
  if (g_dir_read_name (dir) != NULL)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_EXISTS, "%s already holds files; name a new folder", folder);
      return FALSE;
    }
  return TRUE;
}

static gboolean
sync_folder (const char  *path,
             GError     **error)
{
  int fd = g_open (path, O_RDONLY | O_DIRECTORY | O_CLOEXEC, 0);
  int saved_errno;

  if (fd < 0)
    return set_io_error (error, errno, "open", path);
  if (fsync (fd) != 0)
    {
      saved_errno = errno;
      close (fd);
      return set_io_error (error, saved_errno, "write", path);
    }
  close (fd);
  return TRUE;
}

static void
remove_partial (const char *temporary)
{
  for (guint t = 0; t < CANDOUR_N_TABLES; t++)
    {
      g_autofree char *name = g_strconcat (candour_table_get_name (t), ".csv", NULL);
      g_autofree char *path = g_build_filename (temporary, name, NULL);

      g_unlink (path);
    }
  g_rmdir (temporary);
}

typedef gboolean (*WriteTable) (Generator   *self,
                                const char  *folder,
                                guint       *out_rows,
                                GError     **error);

gboolean
candour_generate (const char    *folder,
                  double         scale,
                  guint64        seed,
                  guint         *out_counts,
                  GCancellable  *cancellable,
                  GError       **error)
{
  static const WriteTable writers[CANDOUR_N_TABLES] = {
    write_organisations, write_consortia, write_members, write_bids, write_bid_partners,
    write_contracts, write_subcontracts, write_payments,
  };
  g_autoptr(Generator) self = NULL;
  g_autofree char *target = NULL;
  g_autofree char *parent = NULL;
  g_autofree char *base = NULL;
  g_autofree char *temporary = NULL;
  guint counts[CANDOUR_N_TABLES] = { 0 };
  gboolean ok = TRUE;

  g_return_val_if_fail (folder != NULL && folder[0] != '\0', FALSE);
  g_return_val_if_fail (scale > 0 && scale <= CANDOUR_GENERATE_MAX_SCALE, FALSE);
  g_return_val_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (g_cancellable_set_error_if_cancelled (cancellable, error) || !check_folder_is_free (folder, error))
    return FALSE;

  self = g_new0 (Generator, 1);
  self->seed = seed;
  self->cancellable = cancellable;
  self->strings = g_string_chunk_new (1 << 20);
  self->names = g_hash_table_new (g_str_hash, g_str_equal);
  self->org_ids = g_hash_table_new (g_str_hash, g_str_equal);
  make_plan (&self->plan, scale);

  make_places (self);
  make_organisations (self);
  make_consortia (self);
  make_bids (self);
  make_contracts (self);
  make_subcontracts (self);
  if (!make_payments (self, error))
    return FALSE;

  /* Written beside the folder under a hidden name, then renamed into place whole. */
  target = g_canonicalize_filename (folder, NULL);
  parent = g_path_get_dirname (target);
  base = g_path_get_basename (target);
  if (g_mkdir_with_parents (parent, 0700) != 0)
    return set_io_error (error, errno, "create the folder", parent);
  temporary = g_strdup_printf ("%s%s.%s.XXXXXX", parent, G_DIR_SEPARATOR_S, base);
  if (g_mkdtemp_full (temporary, 0700) == NULL)
    return set_io_error (error, errno, "create a folder beside", folder);

  for (guint t = 0; ok && t < CANDOUR_N_TABLES; t++)
    ok = writers[t] (self, temporary, &counts[t], error);

  ok = ok && sync_folder (temporary, error);
  if (ok && g_rename (temporary, target) != 0)
    {
      int saved_errno = errno;

      /* Someone put files there since the check. */
      if (saved_errno == ENOTEMPTY || saved_errno == EEXIST)
        g_set_error (error, G_IO_ERROR, G_IO_ERROR_EXISTS, "%s already holds files; name a new folder", folder);
      else
        set_io_error (error, saved_errno, "move the files into", folder);
      ok = FALSE;
    }
  if (!ok)
    {
      remove_partial (temporary);
      return FALSE;
    }

  if (!sync_folder (parent, error))
    return FALSE;

  if (out_counts != NULL)
    memcpy (out_counts, counts, sizeof counts);
  return TRUE;
}
