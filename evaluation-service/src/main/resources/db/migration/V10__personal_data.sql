-- The sealed contacts of a goal's form (填报人, 联系人, 联系电话): SealedText values as JSON, never their text; the
-- goal API opens them on read and shows 已删除 once their person was erased.
ALTER TABLE goal_view ADD COLUMN contacts JSONB;

-- 加密删除: the persons erased in a district (personal_data_key holds their data key no more).
CREATE TABLE personal_data_erasure (
    district_code VARCHAR(6)   NOT NULL,
    person_id     VARCHAR(120) NOT NULL,
    reason        TEXT         NOT NULL,
    erased_at     TIMESTAMPTZ  NOT NULL,
    PRIMARY KEY (district_code, person_id)
);
