-- Each person's data key (数据密钥), wrapped with the service's master key (主密钥): AES-256-GCM,
-- 0x01 || nonce (12 bytes) || ciphertext and tag. Erasing a person (加密删除) deletes the row.
CREATE TABLE personal_data_key (
    district_code varchar(6)   NOT NULL,
    person_id     varchar(120) NOT NULL,
    wrapped_key   bytea        NOT NULL,
    created_at    timestamptz  NOT NULL DEFAULT now(),
    PRIMARY KEY (district_code, person_id)
);
