package bolt

import (
	"context"
	"fmt"

	"go.etcd.io/bbolt"

	"rollcall/model"
)

// RenewSubscription files the renewal code's claim and renews its subscription, in one
// transaction.
func (s *Store) RenewSubscription(ctx context.Context, c model.Claim, renew func(*model.Subscription) error, audit *model.AuditEvent) (model.Subscription, error) {
	var out model.Subscription
	if c.Hash == "" {
		return out, fmt.Errorf("renewal: empty hash")
	}
	err := s.update(ctx, func(tx *bbolt.Tx) error {
		b := tx.Bucket(bucketClaims)
		if raw := b.Get([]byte(c.Hash)); raw != nil {
			var old model.Claim
			if err := jsonDecode(raw, &old); err != nil {
				return fmt.Errorf("claim: %w", err)
			}
			return &model.AlreadyClaimedError{At: old.ClaimedAt, OrgID: old.OrgID, OrgName: old.OrgName}
		}
		sub, err := subscriptions.get(tx, c.SubscriptionID)
		if err != nil {
			return err
		}
		if err := renew(&sub); err != nil {
			return err
		}
		if err := subscriptions.update(tx, &sub); err != nil {
			return err
		}
		raw, err := jsonEncode(&c)
		if err != nil {
			return err
		}
		if err := b.Put([]byte(c.Hash), raw); err != nil {
			return err
		}
		out = sub
		if audit == nil {
			return nil
		}
		ev := *audit
		ev.SubjectID = sub.ID
		return appendAudit(tx, &ev)
	})
	return out, err
}
