#include "modules/accounts/cli.hpp"

#include <fstream>
#include <iostream>
#include <memory>

#include "kernel/clock.hpp"
#include "modules/accounts/storage/account_store.hpp"
#include "modules/accounts/web/slips.hpp"
#include "modules/org/storage/unit_store.hpp"
#include "platform/notify/notify.hpp"

namespace ct05::accounts {

namespace {

struct Options {
  std::string login, role, unit, state, q, out, pdf, public_url;
};

int report(const Error& e) {
  std::string msg = e.message;
  for (const auto& f : e.fields) msg += (msg.empty() ? "" : " ") + f.message;
  std::cerr << "Lỗi: " << msg << "\n";
  return 2;
}

bool write_file(const std::string& path, const std::string& bytes) {
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  out << bytes;
  out.close();
  return static_cast<bool>(out);
}

std::string state_of(const Account& a) { return !a.active ? "vô hiệu hóa" : (a.has_password ? "đang dùng" : "chưa kích hoạt"); }

}  // namespace

void add_cli(CLI::App* user, Cli& st, std::function<std::unique_ptr<db::Connection>()> open,
             std::function<void(CLI::App*)> add_db) {
  auto o = std::make_shared<Options>();
  auto who = std::make_shared<auth::Principal>(auth::system_principal());
  auto login_opt = [o](CLI::App* s) { s->add_option("--login", o->login, "Login name")->required(); };
  // Runs a subcommand with a connection; its exit code goes to st.
  auto run = [&st, open](std::function<int(db::Connection&)> f) {
    return [&st, open, f] {
      st.run = [open, f] {
        auto c = open();
        return f(*c);
      };
    };
  };
  auto find = [](db::Connection& c, const std::string& login) { return find_account_by_login(c, login); };

  auto* list = user->add_subcommand("list", "List accounts with their state, last login and grants");
  add_db(list);
  list->add_option("--unit", o->unit, "Only accounts with a grant or a person in this unit's subtree (code)");
  list->add_option("--role", o->role, "Only accounts holding this role: quan_tri | phu_trach | lanh_dao | dang_vien");
  list->add_option("--state", o->state, "active | pending (never activated) | disabled");
  list->add_option("--search", o->q, "Login or name, diacritics optional");
  list->callback(run([o, who](db::Connection& c) {
    AccountFilter f{o->q, 0, o->role, o->state};
    if (!o->unit.empty()) {
      auto u = org::find_unit_by_code(c, o->unit);
      if (!u) return report(Error::invalid({{"unit", "không có đơn vị mã " + o->unit}}));
      f.unit_id = u->id;
    }
    auto total = count_accounts(c, *who, f);
    for (int off = 0; off < total; off += 500)
      for (const auto& a : list_accounts(c, *who, f, 500, off)) {
        std::cout << a.login << "\t" << a.display_name << "\t" << state_of(a) << "\t"
                  << (a.last_login_at.empty() ? "-" : a.last_login_at);
        for (const auto& g : a.grants) std::cout << "\t" << auth::role_code(g.role) << "@" << g.unit_code;
        std::cout << "\n";
      }
    std::cerr << total << " tài khoản.\n";
    return 0;
  }));

  auto* grant_cmd = user->add_subcommand("grant", "Grant a role on a unit (and its subtree) to an account");
  add_db(grant_cmd);
  login_opt(grant_cmd);
  grant_cmd->add_option("--role", o->role, "quan_tri | phu_trach | lanh_dao | dang_vien")->required();
  grant_cmd->add_option("--unit", o->unit, "Code of the unit (e.g. CB-KHUOICUONG)")->required();
  grant_cmd->callback(run([o, who, find](db::Connection& c) {
    auto a = find(c, o->login);
    if (!a) return report(Error::not_found("không có tài khoản " + o->login));
    auto u = org::find_unit_by_code(c, o->unit);
    if (!u) return report(Error::invalid({{"unit", "không có đơn vị mã " + o->unit}}));
    auto g = grant(c, *who, a->id, o->role, u->id);
    if (!g) return report(g.error());
    std::cout << "Đã giao quyền " << auth::role_label(g->role) << " trên " << u->name << " cho " << a->login << ".\n";
    return 0;
  }));

  auto* revoke_cmd = user->add_subcommand("revoke", "Revoke a role an account holds on a unit");
  add_db(revoke_cmd);
  login_opt(revoke_cmd);
  revoke_cmd->add_option("--role", o->role, "quan_tri | phu_trach | lanh_dao | dang_vien")->required();
  revoke_cmd->add_option("--unit", o->unit, "Code of the unit")->required();
  revoke_cmd->callback(run([o, who, find](db::Connection& c) {
    auto a = find(c, o->login);
    if (!a) return report(Error::not_found("không có tài khoản " + o->login));
    for (const auto& g : a->grants)
      if (g.unit_code == o->unit && auth::role_code(g.role) == o->role) {
        auto r = revoke(c, *who, g.id);
        if (!r) return report(r.error());
        std::cout << "Đã thu hồi quyền " << auth::role_label(g.role) << " trên " << g.unit_name << " của " << a->login << ".\n";
        return 0;
      }
    return report(Error::not_found(a->login + " không có quyền " + o->role + " trên " + o->unit));
  }));

  for (bool active : {false, true}) {
    auto* cmd = user->add_subcommand(active ? "enable" : "disable",
                                     active ? "Re-enable a disabled account"
                                            : "Disable an account: its sessions and API tokens stop at once");
    add_db(cmd);
    login_opt(cmd);
    cmd->callback(run([o, who, find, active](db::Connection& c) {
      auto a = find(c, o->login);
      if (!a) return report(Error::not_found("không có tài khoản " + o->login));
      auto r = set_active(c, *who, a->id, active);
      if (!r) return report(r.error());
      std::cout << (active ? "Đã kích hoạt lại " : "Đã vô hiệu hóa ") << a->login << ".\n";
      return 0;
    }));
  }

  auto* reset = user->add_subcommand("reset", "Issue a new one-time code (clears the password of an activated account); "
                                              "prints the code once");
  add_db(reset);
  login_opt(reset);
  reset->callback(run([o, who, find](db::Connection& c) {
    auto a = find(c, o->login);
    if (!a) return report(Error::not_found("không có tài khoản " + o->login));
    auto r = issue_code(c, *who, a->id, a->has_password ? "reset" : "activation");
    if (!r) return report(r.error());
    std::cout << r->code << "\n";
    std::cerr << "Mã dùng một lần cho " << a->login << ", hạn dùng " << kernel::datetime_vn(r->expires_at) << ".\n";
    return 0;
  }));

  auto* bulk = user->add_subcommand("bulk", "Create accounts with one-time codes for every cadre of a unit's subtree "
                                            "without one; prints login and code, and writes the slips");
  add_db(bulk);
  bulk->add_option("--unit", o->unit, "Code of the unit (e.g. CB-KHUOICUONG)")->required();
  bulk->add_option("--out", o->out, "Write the list as XLSX to this file");
  bulk->add_option("--pdf", o->pdf, "Write the printable slips (one per person) as PDF to this file");
  bulk->add_option("--public-url", o->public_url, "The address printed on the slips (as serve --public-url)");
  bulk->callback(run([o, who](db::Connection& c) {
    if (!o->public_url.empty()) notify::set_public_url(o->public_url);
    auto u = org::find_unit_by_code(c, o->unit);
    if (!u) return report(Error::invalid({{"unit", "không có đơn vị mã " + o->unit}}));
    auto slips = bulk_create(c, *who, u->id);
    if (!slips) return report(slips.error());
    for (const auto& s : *slips) std::cout << s.login << "\t" << s.code << "\t" << s.full_name << "\t" << s.unit_name << "\n";
    if (!o->out.empty() && !write_file(o->out, slips_xlsx(*slips, u->name, notify::public_url()).bytes))
      return report(Error::invalid({{"out", "không ghi được tệp " + o->out}}));
    if (!o->pdf.empty() && !write_file(o->pdf, slips_pdf(*slips, u->name, notify::public_url()).bytes))
      return report(Error::invalid({{"pdf", "không ghi được tệp " + o->pdf}}));
    std::cerr << "Đã tạo " << slips->size() << " tài khoản cho " << u->name << ".\n";
    return 0;
  }));
}

}  // namespace ct05::accounts
