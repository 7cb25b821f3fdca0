-- The consent policy as the site owner keeps it in the admin (consent/ConsentSettings), the same
-- for every server. Vertebra's own cookies stay built in (consent/ConsentPolicy.BUILT_IN); these
-- tables hold only the owner's. As in V1: ${identity} keys, instants in epoch milliseconds.

-- One row (id 1), written on the first start: its presence means "set up", so an existing
-- DATA/consent.json is imported once and never again. source says where the first policy came
-- from: 'file' (imported) or 'default'.
CREATE TABLE consent_settings (
    id             INTEGER     PRIMARY KEY,
    policy_version INTEGER     NOT NULL,
    source         VARCHAR(10) NOT NULL,
    updated_at     BIGINT      NOT NULL
);

-- The owner's cookies and outside services, each in one category (functional, preferences,
-- statistics or marketing), as the banner, the manage dialog and the cookie policy list them.
CREATE TABLE consent_entries (
    id         ${identity},
    category   VARCHAR(20)   NOT NULL,
    name       VARCHAR(200)  NOT NULL,
    provider   VARCHAR(200)  NOT NULL,
    purpose    VARCHAR(1000) NOT NULL,
    duration   VARCHAR(200)  NOT NULL,
    created_at BIGINT        NOT NULL
);

-- The owner's optional scripts (never functional): an https address (src), or a snippet (code)
-- that Vertebra serves itself at /consent/scripts/; exactly one of the two is set.
CREATE TABLE consent_scripts (
    id         ${identity},
    category   VARCHAR(20)   NOT NULL,
    name       VARCHAR(200)  NOT NULL,
    src        VARCHAR(2000),
    code       TEXT,
    created_at BIGINT        NOT NULL
);
