// "Việc cần làm" (/inbox: every module's waiting work for the signed-in person), the notifications, and the
// top bar's badge.
#include "kernel/clock.hpp"
#include "modules/accounts/web/account_web.hpp"
#include "platform/inbox/inbox.hpp"
#include "platform/notify/notify.hpp"

namespace ct05::accounts {

namespace {

constexpr int kPerSource = 20;

// "từ hôm nay", "chờ 3 ngày", "chờ 2 tháng": how long an item has waited.
std::string age(const std::string& since) {
  if (since.size() < 10 || !kernel::valid_date(since.substr(0, 10))) return "";
  auto days = (kernel::parse_iso_seconds(kernel::today_iso()) - kernel::parse_iso_seconds(since.substr(0, 10))) / 86400;
  if (days <= 0) return "từ hôm nay";
  if (days < 60) return "chờ " + std::to_string(days) + " ngày";
  return "chờ " + std::to_string(days / 30) + " tháng";
}

http::Response inbox_page(http::Context& ctx) {
  auto& c = ctx.db();
  auto groups = inbox::gather(c, ctx.principal, kPerSource);
  html::Dict d("inbox");
  if (ctx.req.query().get("welcome") == "1") d.ShowSection("WELCOME");
  std::int64_t total = 0;
  for (const auto& g : groups) {
    total += g.count;
    auto* gd = d.AddSectionDictionary("GROUP");
    gd->SetValue("LABEL", g.label);
    gd->SetValue("COUNT", html::number_vn(g.count));
    for (const auto& it : g.items) {
      auto* i = gd->AddSectionDictionary("ITEM");
      i->SetValue("TITLE", it.title);
      i->SetValue("HREF", it.href);
      i->SetValue("UNIT", it.unit_name);
      if (auto a = age(it.since); !a.empty()) i->AddSectionDictionary("AGE")->SetValue("TEXT", a);
    }
    if (g.count > static_cast<std::int64_t>(g.items.size()))
      gd->AddSectionDictionary("MORE")->SetValue("N", html::number_vn(g.count - static_cast<std::int64_t>(g.items.size())));
  }
  if (total == 0) d.ShowSection("NONE");
  else d.AddSectionDictionary("ANY")->SetValue("TOTAL", html::number_vn(total));
  if (auto n = notify::count_unread(c, ctx.principal.user_id); n > 0) d.AddSectionDictionary("UNREAD")->SetIntValue("N", static_cast<long>(n));
  return ctx.page("accounts/inbox.tpl", d, "Việc cần làm");
}

http::Response notifications_page(http::Context& ctx) {
  auto& c = ctx.db();
  auto page = html::page_request(ctx.req.query().get("page"), 30);
  auto total = notify::count(c, ctx.principal.user_id);
  html::Dict d("notifications");
  d.SetValue("CSRF", ctx.csrf_token());
  if (total == 0) d.ShowSection("EMPTY");
  if (notify::count_unread(c, ctx.principal.user_id) > 0) d.ShowSection("ANY_UNREAD");
  for (const auto& n : notify::list(c, ctx.principal.user_id, page.per_page, page.offset())) {
    auto* r = d.AddSectionDictionary("NOTE");
    r->SetIntValue("ID", n.id);
    r->SetValue("SUBJECT", n.subject);
    r->SetValue("AT", kernel::datetime_vn(n.created_at));
    if (!n.body.empty()) r->AddSectionDictionary("BODY")->SetValue("TEXT", n.body);
    if (!n.read()) r->ShowSection("UNREAD");
  }
  html::add_pager(d, total, page, "/notifications?");
  return ctx.page("accounts/notifications.tpl", d, "Thông báo");
}

// Opening a notification marks it read and goes where it points. A GET that writes: the write is the reader's own
// state, idempotent and harmless if a link is followed by someone else's page (it only marks their own).
http::Response open_notification(http::Context& ctx) {
  auto id = ctx.id_param("id");
  if (!id) return ctx.error(Error::not_found("Không tìm thấy thông báo."));
  auto n = notify::find(ctx.db(), ctx.principal.user_id, *id);
  if (!n) return ctx.error(Error::not_found("Không tìm thấy thông báo."));
  notify::mark_read(ctx.db(), ctx.principal.user_id, *id);
  std::string href = n->href.empty() || n->href[0] != '/' || (n->href.size() > 1 && n->href[1] == '/') ? "/notifications" : n->href;
  return http::Response::redirect(href);
}

http::Response read_all(http::Context& ctx) {
  notify::mark_read(ctx.db(), ctx.principal.user_id, 0);
  return http::Response::redirect("/notifications");
}

}  // namespace

void wire_inbox_pages(http::App& app) {
  app.route("GET", "/inbox", inbox_page);
  app.route("GET", "/notifications", notifications_page);
  app.route("GET", "/notifications/{id}", open_notification);
  app.route("POST", "/notifications/read", read_all);
  app.set_layout_hook([](http::Context& ctx, html::Dict& u) {
    auto& c = ctx.db();
    auto n = inbox::count(c, ctx.principal);
    if (n > 0) u.AddSectionDictionary("INBOX_COUNT")->SetValue("N", html::number_vn(n));
    if (auto unread = notify::count_unread(c, ctx.principal.user_id); unread > 0)
      u.AddSectionDictionary("UNREAD")->SetIntValue("N", static_cast<long>(unread));
    if (ctx.req.path == "/inbox") u.ShowSection("INBOX_ACTIVE");
    else u.ShowSection("INBOX_INACTIVE");
  });
}

}  // namespace ct05::accounts
