-- 加密删除: the persons erased in a district, learned from evaluation-service's PersonalDataErased by the projection
-- "budget-evaluation-inbox", which deletes the person's row of personal_data_key (the data key that seals actors'
-- names in this service's event metadata) in the same transaction. No key material and no name: only the ids, so an
-- erased subject's name is not sealed again under a new key. Not emptied by a rebuild (a redelivery inserts nothing).
CREATE TABLE personal_data_erasure (
    district_code VARCHAR(6)   NOT NULL,
    person_id     VARCHAR(120) NOT NULL,
    event_id      VARCHAR(100) NOT NULL,
    learned_at    TIMESTAMPTZ  NOT NULL,
    PRIMARY KEY (district_code, person_id)
);
