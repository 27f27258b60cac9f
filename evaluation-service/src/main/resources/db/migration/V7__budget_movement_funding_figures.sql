-- Each movement keeps what it moves as the four figures of the published FundingFigures (年初预算, 结转, 调整, 支出),
-- so that a money event folded by FundingFigures.after is counted here without a new column or kind.
ALTER TABLE budget_movement ADD COLUMN appropriated_fen BIGINT NOT NULL DEFAULT 0;
ALTER TABLE budget_movement ADD COLUMN carried_over_fen BIGINT NOT NULL DEFAULT 0;
ALTER TABLE budget_movement ADD COLUMN adjusted_fen BIGINT NOT NULL DEFAULT 0;
ALTER TABLE budget_movement ADD COLUMN spent_fen BIGINT NOT NULL DEFAULT 0;
UPDATE budget_movement SET
    appropriated_fen = CASE WHEN kind = 'APPROPRIATION' THEN amount_fen ELSE 0 END,
    carried_over_fen = CASE WHEN kind = 'CARRY_OVER' THEN amount_fen ELSE 0 END,
    adjusted_fen     = CASE WHEN kind = 'ADJUSTMENT' THEN amount_fen ELSE 0 END,
    spent_fen        = CASE WHEN kind = 'EXPENDITURE' THEN amount_fen ELSE 0 END;
