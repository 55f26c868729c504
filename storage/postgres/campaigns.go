package postgres

import (
	"context"
	"fmt"
	"math"
	"slices"

	"github.com/jackc/pgx/v5"

	"rollcall/model"
	"rollcall/storage"
)

// CreateCampaign stores a campaign and its pending recipients in one transaction.
func (s *Store) CreateCampaign(ctx context.Context, c *model.Campaign, users []model.ID) error {
	users = slices.Compact(slices.Sorted(slices.Values(users)))
	return s.update(ctx, func(tx pgx.Tx) error {
		v := *c
		v.Counts = model.CampaignCounts{Pending: len(users)}
		if err := campaigns.create(ctx, tx, &v); err != nil {
			return err
		}
		rows := make([][]any, 0, len(users))
		for _, u := range users {
			r := model.CampaignRecipient{CampaignID: v.ID, UserID: u, Status: model.DeliveryPending}
			raw, err := jsonEncode(&r)
			if err != nil {
				return err
			}
			rows = append(rows, []any{int64(v.ID), int64(u), raw})
		}
		if _, err := tx.CopyFrom(ctx, pgx.Identifier{"campaign_recipients"}, []string{"campaign_id", "user_id", "data"},
			pgx.CopyFromRows(rows)); err != nil {
			return err
		}
		*c = v
		return nil
	})
}

// Campaign returns one campaign.
func (s *Store) Campaign(ctx context.Context, id model.ID) (model.Campaign, error) {
	return getIn(ctx, s, campaigns, id)
}

// ListCampaigns returns every campaign, oldest first.
func (s *Store) ListCampaigns(ctx context.Context) ([]model.Campaign, error) {
	return listIn(ctx, s, campaigns)
}

// UpdateCampaign changes a campaign but its id and counts, holding its row lock: of two
// processes that both mean to start sending it, the second sees what the first wrote.
func (s *Store) UpdateCampaign(ctx context.Context, id model.ID, fn func(*model.Campaign) error) (c model.Campaign, err error) {
	err = s.update(ctx, func(tx pgx.Tx) error {
		if c, err = campaigns.get(ctx, tx, id, true); err != nil {
			return err
		}
		counts := c.Counts
		if err := fn(&c); err != nil {
			return err
		}
		c.ID, c.Counts = id, counts
		return campaigns.update(ctx, tx, &c)
	})
	return c, err
}

// Recipients returns a page of a campaign's recipients in user id order.
func (s *Store) Recipients(ctx context.Context, campaign, after model.ID, limit int) (out []model.CampaignRecipient, err error) {
	if limit <= 0 || uint64(after) >= math.MaxInt64 { // ids are below 2^63: nothing is above
		return nil, nil
	}
	err = s.view(ctx, func(tx pgx.Tx) error {
		out, err = recipientRows(ctx, tx, `SELECT user_id, data FROM campaign_recipients
			WHERE campaign_id = $1 AND user_id > $2 ORDER BY user_id LIMIT $3`, campaign, int64(campaign), int64(after), limit)
		return err
	})
	return out, err
}

// Recipient returns one recipient of a campaign.
func (s *Store) Recipient(ctx context.Context, campaign, user model.ID) (r model.CampaignRecipient, err error) {
	err = s.view(ctx, func(tx pgx.Tx) error {
		rs, err := recipientRows(ctx, tx, "SELECT user_id, data FROM campaign_recipients WHERE campaign_id = $1 AND user_id = $2",
			campaign, int64(campaign), int64(user))
		if err == nil && len(rs) == 0 {
			err = fmt.Errorf("campaign %d recipient %d: %w", campaign, user, storage.ErrNotFound)
		}
		if err == nil {
			r = rs[0]
		}
		return err
	})
	return r, err
}

func recipientRows(ctx context.Context, tx pgx.Tx, q string, campaign model.ID, args ...any) ([]model.CampaignRecipient, error) {
	rows, err := tx.Query(ctx, q, args...)
	if err != nil {
		return nil, err
	}
	return pgx.CollectRows(rows, func(row pgx.CollectableRow) (model.CampaignRecipient, error) {
		var r model.CampaignRecipient
		var user int64
		var raw []byte
		if err := row.Scan(&user, &raw); err != nil {
			return r, err
		}
		if err := jsonDecode(raw, &r); err != nil {
			return r, fmt.Errorf("campaign %d recipient %d: %w", campaign, user, err)
		}
		r.CampaignID, r.UserID = campaign, model.ID(user)
		return r, nil
	})
}

// RecordDeliveries writes recipients' states and codes and keeps the campaign's counts, holding
// the campaign's row lock so counts from two senders add up.
func (s *Store) RecordDeliveries(ctx context.Context, campaign model.ID, recs []model.CampaignRecipient,
	codes []model.OneTimeCode) (c model.Campaign, err error) {
	err = s.update(ctx, func(tx pgx.Tx) error {
		if c, err = campaigns.get(ctx, tx, campaign, true); err != nil {
			return err
		}
		for i := range recs {
			r := recs[i]
			if !r.Status.Valid() {
				return fmt.Errorf("campaign %d recipient %d: unknown status %q", campaign, r.UserID, r.Status)
			}
			old, err := recipientRows(ctx, tx, `SELECT user_id, data FROM campaign_recipients
				WHERE campaign_id = $1 AND user_id = $2 FOR UPDATE`, campaign, int64(campaign), int64(r.UserID))
			if err != nil {
				return err
			}
			if len(old) == 0 {
				return fmt.Errorf("campaign %d recipient %d: %w", campaign, r.UserID, storage.ErrNotFound)
			}
			r.CampaignID = campaign
			raw, err := jsonEncode(&r)
			if err != nil {
				return err
			}
			if _, err := tx.Exec(ctx, "UPDATE campaign_recipients SET data = $3 WHERE campaign_id = $1 AND user_id = $2",
				int64(campaign), int64(r.UserID), raw); err != nil {
				return err
			}
			c.Counts.Add(old[0].Status, -1)
			c.Counts.Add(r.Status, 1)
		}
		for _, code := range codes {
			if code.Hash == "" || code.Purpose == "" {
				return fmt.Errorf("record deliveries: code with empty hash or purpose")
			}
			if err := putCode(ctx, tx, code); err != nil {
				return err
			}
		}
		return campaigns.update(ctx, tx, &c)
	})
	return c, err
}
