package dirsync

import (
	"context"
	"fmt"
	"net/http"
	"net/url"
	"strings"
)

// MicrosoftClient reads Microsoft 365 group members through Microsoft Graph
// (https://learn.microsoft.com/graph/api/group-list-members).
type MicrosoftClient struct {
	// BaseURL is Graph's root, "https://graph.microsoft.com" unless a test says otherwise.
	BaseURL string
	// HTTP sends the requests with the credentials (an oauth2 client).
	HTTP *http.Client
}

// DefaultGraphURL is Microsoft Graph's root.
const DefaultGraphURL = "https://graph.microsoft.com"

// graphMembersPage is one page of group members.
type graphMembersPage struct {
	Value []struct {
		Type              string `json:"@odata.type"`
		Mail              string `json:"mail"`
		UserPrincipalName string `json:"userPrincipalName"`
		AccountEnabled    *bool  `json:"accountEnabled"`
	} `json:"value"`
	NextLink string `json:"@odata.nextLink"`
}

// GroupEmails returns the emails of a group's user members (mail, else the user principal
// name), disabled accounts left out, following @odata.nextLink from page to page.
func (m *MicrosoftClient) GroupEmails(ctx context.Context, groupID string, progress Progress) ([]string, error) {
	if m.HTTP == nil {
		return nil, svcErr(Microsoft, ErrNotConfigured)
	}
	groupID = strings.TrimSpace(groupID)
	if groupID == "" {
		return nil, svcErr(Microsoft, ErrNoSuchGroup)
	}
	base := strings.TrimRight(m.BaseURL, "/")
	if base == "" {
		base = DefaultGraphURL
	}
	q := url.Values{}
	q.Set("$select", "id,mail,userPrincipalName,accountEnabled")
	q.Set("$top", "999")
	next := base + "/v1.0/groups/" + url.PathEscape(groupID) + "/members?" + q.Encode()
	var out []string
	for range maxPages {
		var page graphMembersPage
		if err := getJSON(ctx, m.HTTP, Microsoft, next, &page); err != nil {
			return nil, err
		}
		for _, v := range page.Value {
			if v.Type != "#microsoft.graph.user" || (v.AccountEnabled != nil && !*v.AccountEnabled) {
				continue
			}
			email := v.Mail
			if email == "" {
				email = v.UserPrincipalName
			}
			out = appendEmail(out, email)
		}
		report(progress, len(out))
		if page.NextLink == "" {
			return out, nil
		}
		if !sameOrigin(base, page.NextLink) {
			return nil, svcErr(Microsoft, fmt.Errorf("%w: next page on another host", ErrBadPage))
		}
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		next = page.NextLink
	}
	return nil, svcErr(Microsoft, fmt.Errorf("%w: more than %d pages", ErrBadPage, maxPages))
}
