package postgres

import (
	"context"
	"fmt"

	"github.com/jackc/pgx/v5"

	"rollcall/model"
)

// RenewSubscription files the renewal code's claim and renews its subscription, holding the
// subscription's row lock, in one transaction.
func (s *Store) RenewSubscription(ctx context.Context, c model.Claim, renew func(*model.Subscription) error, audit *model.AuditEvent) (model.Subscription, error) {
	var out model.Subscription
	if c.Hash == "" {
		return out, fmt.Errorf("renewal: empty hash")
	}
	err := s.update(ctx, func(tx pgx.Tx) error {
		sub, err := subscriptions.get(ctx, tx, c.SubscriptionID, true)
		if err != nil {
			return err
		}
		raw, err := jsonEncode(&c)
		if err != nil {
			return err
		}
		tag, err := tx.Exec(ctx, "INSERT INTO claims (hash, data) VALUES ($1, $2) ON CONFLICT (hash) DO NOTHING", []byte(c.Hash), raw)
		if err != nil {
			return err
		}
		if tag.RowsAffected() == 0 {
			old, err := claimOf(ctx, tx, c.Hash)
			if err != nil {
				return err
			}
			return &model.AlreadyClaimedError{At: old.ClaimedAt, OrgID: old.OrgID, OrgName: old.OrgName}
		}
		if err := renew(&sub); err != nil {
			return err
		}
		if err := subscriptions.update(ctx, tx, &sub); err != nil {
			return err
		}
		out = sub
		if audit == nil {
			return nil
		}
		ev := *audit
		ev.SubjectID = sub.ID
		return appendAudit(ctx, tx, &ev)
	})
	return out, err
}
