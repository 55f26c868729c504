package storage

import (
	"context"

	"rollcall/model"
)

// CampaignStore keeps email campaigns and the delivery status of each recipient. A campaign's
// Counts are the store's to keep: they always equal the recipients' statuses.
type CampaignStore interface {
	// CreateCampaign stores c with one pending recipient per user, in one transaction; it sets
	// c.ID and c.Counts. Repeated users count once.
	CreateCampaign(ctx context.Context, c *model.Campaign, users []model.ID) error
	Campaign(ctx context.Context, id model.ID) (model.Campaign, error)
	// ListCampaigns returns every campaign, oldest first.
	ListCampaigns(ctx context.Context) ([]model.Campaign, error)
	// UpdateCampaign changes a campaign in one transaction: fn sees the stored value and may
	// change anything but ID and Counts (changes to those are ignored). An error from fn is
	// returned and nothing is written.
	UpdateCampaign(ctx context.Context, id model.ID, fn func(*model.Campaign) error) (model.Campaign, error)
	// Recipients returns up to limit recipients of a campaign whose user id is above after, in
	// user id order: a page of a walk that holds no transaction between pages.
	Recipients(ctx context.Context, campaign, after model.ID, limit int) ([]model.CampaignRecipient, error)
	Recipient(ctx context.Context, campaign, user model.ID) (model.CampaignRecipient, error)
	// RecordDeliveries writes new states of recipients already in the campaign and stores the
	// one-time codes their messages carry, in one durable transaction, and returns the
	// campaign with its counts brought up to date. An unknown recipient is ErrNotFound and
	// nothing is written.
	RecordDeliveries(ctx context.Context, campaign model.ID, recs []model.CampaignRecipient, codes []model.OneTimeCode) (model.Campaign, error)
}
