// ct05: one binary with subcommands (DESIGN §4). Only the commands listed by --help exist.
#include <cctype>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <iterator>
#include <optional>
#include <string>
#include <system_error>
#include <vector>

#include <CLI/CLI.hpp>
#include <spdlog/spdlog.h>

#include "app/gen.hpp"
#include "app/wiring.hpp"
#include "modules/accounts/cli.hpp"
#include "modules/imports/storage/import_store.hpp"
#include "modules/org/storage/unit_store.hpp"
#include "modules/plans/storage/tallies.hpp"
#include "modules/registry/module.hpp"
#include "modules/reports/storage/report_store.hpp"
#include "platform/audit/audit.hpp"
#include "platform/auth/accounts.hpp"
#include "platform/auth/crypto.hpp"
#include "platform/exports/export_kinds.hpp"
#include "platform/notify/mailer.hpp"
#include "platform/notify/notify.hpp"
#include "platform/web/readiness.hpp"

namespace {

std::string read_password() {
  std::string pw;
  std::getline(std::cin, pw);
  while (!pw.empty() && (pw.back() == '\r' || pw.back() == '\n')) pw.pop_back();
  return pw;
}

int fail_with(const std::string& msg) {
  std::cerr << "Lỗi: " << msg << "\n";
  return 2;
}

// The URL as it may be printed: without a password (postgresql://user:secret@host/db, or ?password= in the query).
std::string shown_url(const std::string& url) {
  std::string out = url.substr(0, url.find('?'));
  auto scheme = out.find("://");
  auto at = out.find('@');
  if (scheme != std::string::npos && at != std::string::npos) {
    auto colon = out.find(':', scheme + 3);
    if (colon != std::string::npos && colon < at) out.replace(colon + 1, at - colon - 1, "***");
  }
  return out.size() < url.size() ? out + "?…" : out;
}

//! Whether a command may make the database it is given.
enum class Missing { kRefuse, kCreate };

// Why the command cannot work on this database, or nothing. Opening a SQLite path creates the file, so a mistyped
// --db gave `tallies check` and `audit verify` an empty database on which they reported success (issue 16): a path
// that does not exist is refused before anything opens it, unless the command makes databases. PostgreSQL never
// creates a database on connect; its refusal ("database … does not exist", a wrong password) is told in Vietnamese.
std::optional<std::string> database_refusal(const std::string& url, Missing missing) {
  if (ct05::db::is_postgres_url(url)) {
    try {
      ct05::db::connect(url);
      return std::nullopt;
    } catch (const ct05::db::DbError& e) {
      std::string why = e.what();
      while (!why.empty() && std::isspace(static_cast<unsigned char>(why.back()))) why.pop_back();
      return "không kết nối được cơ sở dữ liệu " + shown_url(url) + " (" + why +
             "). Hãy kiểm tra --db; ct05 không tự tạo cơ sở dữ liệu PostgreSQL: tạo bằng `createdb TÊN` rồi chạy "
             "`ct05 migrate --db URL`.";
    }
  }
  std::error_code ec;
  if (missing == Missing::kCreate || std::filesystem::exists(url, ec) || ec) return std::nullopt;
  return "không có cơ sở dữ liệu " + url + " (tệp không tồn tại). Hãy kiểm tra --db; để tạo cơ sở dữ liệu mới, chạy `ct05 "
         "migrate --db " + url + "` (hoặc `ct05 demo --db " + url + "` để nạp dữ liệu mẫu).";
}

}  // namespace

int main(int argc, char** argv) {
  using namespace ct05;
  CLI::App cli{"ct05: học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh (Chỉ thị 05-CT/TW)"};
  cli.require_subcommand(1);
  std::string db_url = "ct05.db";
  auto add_db = [&](CLI::App* sub) {
    sub->add_option("--db", db_url, "SQLite file path or postgresql:// URL")->capture_default_str();
  };

  auto* migrate = cli.add_subcommand("migrate", "Apply the database migrations that have not run yet");
  add_db(migrate);

  auto* demo = cli.add_subcommand("demo", "Load the Bắc Kạn demo dataset (idempotent) and print its codes and accounts");
  add_db(demo);

  auto* serve = cli.add_subcommand("serve", "Serve the web application and the JSON API");
  add_db(serve);
  std::string listen = "127.0.0.1:8080";
  std::size_t threads = 4;
  int pool_size = 8;
  serve->add_option("--listen", listen, "Address and port, HOST:PORT")->capture_default_str();
  serve->add_option("--threads", threads, "HTTP worker threads")->capture_default_str();
  serve->add_option("--pool", pool_size, "Database connections")->capture_default_str();
  std::string smtp_url, mail_from = "ct05@localhost", public_url;
  serve->add_option("--smtp", smtp_url,
                    "Send notifications by e-mail through this SMTP server: smtp://HOST:PORT or smtp://USER:PASSWORD@HOST:PORT "
                    "(queued in the database, retried with backoff; people turn mail off on /account)");
  serve->add_option("--mail-from", mail_from, "Sender address of the notification mails")->capture_default_str();
  serve->add_option("--public-url", public_url,
                    "The address people open ct05 at, put in mails and onboarding slips (default: http://LISTEN); "
                    "https://… makes cookies Secure and sends HSTS");
  std::vector<std::string> trusted_proxies;
  std::string metrics_token;
  serve->add_option("--trusted-proxy", trusted_proxies,
                    "Address of a reverse proxy (nginx) whose X-Forwarded-For / X-Real-IP / X-Forwarded-Proto are "
                    "believed; repeat for several. Without it those headers are ignored");
  serve->add_option("--metrics-token", metrics_token,
                    "Token that opens /metrics to others than loopback (Authorization: Bearer TOKEN)");
  std::uint64_t min_free_mb = 100;
  serve->add_option("--min-free-mb", min_free_mb,
                    "/readyz answers 503 when the SQLite database's folder has less free space than this (MB); /healthz "
                    "stays 200")
      ->capture_default_str();
  std::string files_dir;
  serve->add_option("--files", files_dir,
                    "Folder for uploaded evidence files (default: DB.files next to a SQLite file, ./ct05-files for PostgreSQL)");

  auto* user = cli.add_subcommand("user", "Create and manage accounts");
  user->require_subcommand(1);
  auto* user_add = user->add_subcommand("add", "Create an account; the password is read from standard input");
  add_db(user_add);
  std::string login, role, unit_code, display_name;
  user_add->add_option("--login", login, "Login name")->required();
  user_add->add_option("--role", role, "quan_tri | phu_trach | lanh_dao | dang_vien")->required();
  user_add->add_option("--unit", unit_code, "Code of the unit the role is granted on (e.g. TU-BACKAN)")->required();
  user_add->add_option("--name", display_name, "Display name (defaults to the login)");
  auto* user_token = user->add_subcommand("token", "Print a new bearer token for the API");
  add_db(user_token);
  std::string label = "cli";
  user_token->add_option("--login", login, "Login name")->required();
  user_token->add_option("--label", label, "What the token is for")->capture_default_str();
  auto* user_passwd = user->add_subcommand("passwd", "Set a new password, read from standard input");
  add_db(user_passwd);
  user_passwd->add_option("--login", login, "Login name")->required();
  accounts::Cli accounts_cli;
  accounts::add_cli(
      user, accounts_cli,
      [&] {
        auto c = db::connect(db_url);
        app::prepare(*c);
        return c;
      },
      add_db);

  auto* gen = cli.add_subcommand("gen", "Fill an empty database with a synthetic dataset (for benchmarks)");
  add_db(gen);
  std::string scale = "city";
  gen->add_option("--scale", scale,
                  "city (≈3,000 members) | province (≈150,000) | country (34 provinces, 3,321 communes, 63,619 villages, "
                  "5.6 million members); plans and commitments for 2024 and 2025")
      ->capture_default_str();

  auto* audit_cmd = cli.add_subcommand("audit", "Audit log tools");
  audit_cmd->require_subcommand(1);
  auto* verify = audit_cmd->add_subcommand("verify", "Recompute the audit hash chain; exit 1 when a row was edited or removed");
  add_db(verify);

  auto* tallies_cmd = cli.add_subcommand("tallies", "Per-unit tallies behind the coverage indicators");
  tallies_cmd->require_subcommand(1);
  auto* tallies_check =
      tallies_cmd->add_subcommand("check", "Recount every unit's figures from the rows; exit 1 when a stored tally differs");
  add_db(tallies_check);
  auto* tallies_rebuild = tallies_cmd->add_subcommand("rebuild", "Recompute every unit's tallies from the rows");
  add_db(tallies_rebuild);

  auto* export_cmd = cli.add_subcommand(
      "export", "Write a list as XLSX or CSV: the same lists, filters and columns as the pages' \"Tải Excel\" / \"Tải CSV\" "
                "links, with full access (like the other subcommands); each export is written to the audit log");
  add_db(export_cmd);
  std::string list_kind, out_path, format_name = "xlsx", year_text, status_text, q_text, round_text;
  std::vector<std::string> filter_pairs;
  app::declare_exports();
  std::string kinds_help = "Lists (--list) and the filters each reads:\n";
  for (const auto& k : exports::kinds()) {
    kinds_help += "  " + k.code + ": " + k.label + (k.needs_unit ? "" : " (--unit optional)") + "\n";
    for (const auto& f : k.filters) kinds_help += "      " + f.name + " = " + f.help + "\n";
  }
  kinds_help += "At most " + std::to_string(exports::kMaxRows) + " rows per file; a longer list is refused: choose a smaller "
                "unit or a filter.";
  export_cmd->footer(kinds_help);
  export_cmd->add_option("--list", list_kind, "Which list (see below)")->required();
  export_cmd->add_option("--unit", unit_code, "Code of the unit whose list to write (e.g. CB-KHUOICUONG)");
  export_cmd->add_option("--year", year_text, "Filter year (plans, commitments, meetings, households)");
  export_cmd->add_option("--status", status_text, "Filter status (plans, commitments, register-entries, households)");
  export_cmd->add_option("--q", q_text, "Filter words, diacritics ignored (members, register-entries, households)");
  export_cmd->add_option("--round", round_text, "Quiz round id (quiz-results)");
  export_cmd->add_option("--filter", filter_pairs, "Any other filter as NAME=VALUE (repeatable), e.g. --filter kind=chi_bo");
  export_cmd->add_option("--format", format_name, "xlsx | csv")->capture_default_str();
  export_cmd->add_option("--out", out_path, "File to write")->required();

  auto* report = cli.add_subcommand("report", "Write a unit's periodic report (Hướng dẫn 36-HD/VPTW) as DOCX or PDF");
  add_db(report);
  std::string report_unit, report_kind, report_period, report_format, report_out, report_date;
  report->add_option("--unit", report_unit, "The reporting unit's code, e.g. DB-NONGTHUONG")->required();
  report->add_option("--kind", report_kind,
                     "6-thang (sơ kết 6 tháng) | nam (tổng kết năm) | 5-nam (sơ kết, tổng kết 5 năm) | 10-nam")
      ->required();
  report->add_option("--period", report_period, "2020-H1 (6-thang) | 2020 (nam) | 2016-2020 (5-nam) | 2016-2025 (10-nam)")
      ->required();
  report->add_option("--format", report_format, "docx | pdf")->required();
  report->add_option("--out", report_out, "The file to write")->required();
  report->add_option("--date", report_date, "The report's date (YYYY-MM-DD) on its place and date line; default today");
  std::string report_as_of;
  bool report_continuity = false;
  report->add_option("--as-of", report_as_of,
                     "Count under the tree of this day (YYYY-MM-DD): the units, names and places then (default: today's tree)");
  report->add_flag("--continuity", report_continuity,
                   "Carry over the figures of the units merged or split into the report's units");

  auto* import_cmd = cli.add_subcommand(
      "import",
      "Import units, people or households from an .xlsx or CSV file: prints every bad row with its reason; writes only "
      "with --commit (all or nothing unless --only-valid); exit 1 when rows are bad and nothing was written");
  add_db(import_cmd);
  std::string import_kind, import_unit, import_file;
  bool import_commit = false, import_only_valid = false;
  import_cmd->add_option("--kind", import_kind, "units | people | households")->required();
  import_cmd->add_option("--unit", import_unit,
                         "Code of the unit imported into: the parent of new units, the unit of new people (or of their "
                         "units), the village of new households")
      ->required();
  import_cmd->add_option("--file", import_file, "The .xlsx or .csv file (told apart by its content)")->required();
  import_cmd->add_flag("--commit", import_commit, "Write the rows (without it, only the report is printed)");
  import_cmd->add_flag("--only-valid", import_only_valid,
                       "With --commit: write the valid rows even when others are bad (default: all or nothing)");

  CLI11_PARSE(cli, argc, argv);
  auth::init_crypto();
  // Every command works on a database; only these three make one (gen fills an empty one), so a new command is
  // refused a missing database unless it is added here.
  const Missing missing = *migrate || *demo || *gen ? Missing::kCreate : Missing::kRefuse;
  if (auto refusal = database_refusal(db_url, missing)) return fail_with(*refusal);

  try {
    if (accounts_cli.run) return accounts_cli.run();
    if (*migrate) {
      auto c = db::connect(db_url);
      app::prepare(*c);
      std::cout << "Cơ sở dữ liệu đã được cập nhật (" << db_url << ").\n";
      return 0;
    }
    if (*demo) {
      auto c = db::connect(db_url);
      auto report = app::load_demo(*c);
      for (const auto& line : report.lines) std::cout << line << "\n";
      return 0;
    }
    if (*serve) {
      auto colon = listen.rfind(':');
      if (colon == std::string::npos) return fail_with("--listen phải có dạng HOST:PORT, ví dụ 127.0.0.1:8080");
      int port = std::atoi(listen.c_str() + colon + 1);
      if (port <= 0 || port > 65535) return fail_with("cổng không hợp lệ trong --listen");
      if (files_dir.empty()) files_dir = db::is_postgres_url(db_url) ? "ct05-files" : db_url + ".files";
      registry::set_files_root(files_dir);
      platform_web::set_readiness_options({.min_free_bytes = min_free_mb * 1024 * 1024});
      notify::set_public_url(public_url.empty() ? "http://" + listen : public_url);
      std::optional<notify::SmtpTarget> smtp;
      if (!smtp_url.empty()) {
        auto t = notify::parse_smtp_url(smtp_url);
        if (!t) return fail_with(t.error().fields.front().message);
        t->from = mail_from;
        smtp = *t;
      }
      db::Pool pool(db_url, pool_size);
      auto application = app::build_app(pool);
      http::AppConfig config;
      config.trusted_proxies = trusted_proxies;
      config.https = public_url.rfind("https://", 0) == 0;
      config.metrics_token = metrics_token;
      application->configure(config);
      std::optional<notify::Mailer> mailer;
      if (smtp) mailer.emplace(pool, *smtp);
      try {
        http::serve(*application, listen.substr(0, colon), static_cast<std::uint16_t>(port), threads);
      } catch (const std::runtime_error& e) {
        return fail_with(e.what());  // the address could not be bound: serve says why in Vietnamese
      }
      return 0;
    }
    if (*user_add) {
      auto r = auth::parse_role(role);
      if (!r) return fail_with("vai trò phải là một trong: quan_tri, phu_trach, lanh_dao, dang_vien");
      auto c = db::connect(db_url);
      app::prepare(*c);
      auto unit = org::find_unit_by_code(*c, unit_code);
      if (!unit) return fail_with("không có đơn vị mã " + unit_code);
      std::string pw = read_password();
      auto who = auth::system_principal();
      auto created = db::in_transaction(*c, [&]() -> Result<std::int64_t> {
        auto id = auth::create_user(*c, login, pw, display_name, 0);
        if (!id) return id;
        audit::record(*c, who, {"user.create", "user", *id, unit->path, nullptr, {{"login", login}, {"name", display_name}}});
        org::grant_role(*c, who, *id, *r, unit->id);
        return id;
      });
      if (!created) {
        std::string msg = created.error().message;
        for (const auto& f : created.error().fields) msg += " " + f.message;
        return fail_with(msg);
      }
      std::cout << "Đã tạo tài khoản " << login << " (" << auth::role_label(*r) << ", " << unit->name << ").\n";
      return 0;
    }
    if (*user_token) {
      auto c = db::connect(db_url);
      app::prepare(*c);
      auto u = auth::find_user(*c, login);
      if (!u || !u->active) return fail_with("không có tài khoản " + login);
      std::cout << auth::create_api_token(*c, u->id, label) << "\n";
      return 0;
    }
    if (*user_passwd) {
      auto c = db::connect(db_url);
      app::prepare(*c);
      auto u = auth::find_user(*c, login);
      if (!u) return fail_with("không có tài khoản " + login);
      std::string pw = read_password();
      if (pw.size() < 8) return fail_with("mật khẩu phải có ít nhất 8 ký tự");
      db::in_transaction(*c, [&] {
        auth::set_password(*c, u->id, pw);
        audit::record(*c, auth::system_principal(), {"user.passwd", "user", u->id, "/", nullptr, {{"login", login}}});
      });
      std::cout << "Đã đổi mật khẩu cho " << login << ".\n";
      return 0;
    }
    if (*gen) {
      app::Scale s;
      if (scale == "city") s = app::Scale::kCity;
      else if (scale == "province") s = app::Scale::kProvince;
      else if (scale == "country") s = app::Scale::kCountry;
      else return fail_with("--scale phải là city, province hoặc country");
      auto c = db::connect(db_url);
      app::prepare(*c);
      auto r = app::generate(*c, s, [](const std::string& line) { std::cerr << line << std::endl; });
      if (!r) return fail_with(r.error().message);
      std::cout << "Đã tạo " << r->units << " đơn vị (" << r->villages << " thôn, " << r->cells << " chi bộ), " << r->people
                << " đảng viên, " << r->plans << " kế hoạch và " << r->commitments << " cam kết (" << r->items
                << " việc làm).\n";
      return 0;
    }
    if (*report) {
      if (report_format != "docx" && report_format != "pdf") return fail_with("--format phải là docx hoặc pdf");
      auto c = db::connect(db_url);
      app::prepare(*c);
      auto unit = org::find_unit_by_code(*c, report_unit);
      if (!unit) return fail_with("không có đơn vị mã " + report_unit);
      reports::Request req{unit->id, report_kind, report_period, report_format, report_date, "", false};
      req.as_of = report_as_of;
      req.continuity = report_continuity;
      auto made = reports::make(*c, auth::system_principal(), req);
      if (!made) {
        std::string msg = made.error().message;
        for (const auto& f : made.error().fields) msg += " " + f.message;
        return fail_with(msg);
      }
      std::ofstream out(report_out, std::ios::binary);
      out << made->bytes;
      out.close();
      if (!out) return fail_with("không ghi được tệp " + report_out);
      std::cout << "Đã ghi " << report_out << " (" << made->bytes.size() << " byte): " << made->document.title << " "
                << made->document.subject << ", mẫu phiên bản " << made->used.version << ".\n";
      return 0;
    }
    if (*tallies_check) {
      auto c = db::connect(db_url);
      app::prepare(*c);
      auto bad = plans::tallies::check(*c);
      if (bad.empty()) {
        std::cout << "Số liệu tổng hợp khớp với dữ liệu gốc.\n";
        return 0;
      }
      auto line = [](const plans::tallies::Figures& f) {
        return std::to_string(f.required) + "/" + std::to_string(f.plans) + "/" + std::to_string(f.cadres) + "/" +
               std::to_string(f.commitments) + "/" + std::to_string(f.issues) + "/" + std::to_string(f.resolved);
      };
      for (std::size_t i = 0; i < bad.size() && i < 20; ++i)
        std::cout << "đơn vị " << bad[i].unit_id << ", năm " << bad[i].year << (bad[i].sub ? ", cả cây" : ", riêng đơn vị")
                  << ": lưu " << line(bad[i].stored) << ", đếm lại " << line(bad[i].counted) << "\n";
      std::cout << "Số liệu tổng hợp KHÔNG khớp: " << bad.size()
                << " dòng lệch (đơn vị phải có kế hoạch/kế hoạch được duyệt/cán bộ/cam kết được duyệt/vấn đề/đã giải quyết). "
                   "Chạy `ct05 tallies rebuild` để tính lại.\n";
      return 1;
    }
    if (*tallies_rebuild) {
      auto c = db::connect(db_url);
      app::prepare(*c);
      auto rows = plans::tallies::rebuild(*c);
      std::cout << "Đã tính lại số liệu tổng hợp: " << rows << " dòng.\n";
      return 0;
    }
    if (*import_cmd) {
      auto kind = imports::kind_from_code(import_kind);
      if (!kind) return fail_with("--kind phải là units, people hoặc households");
      std::ifstream in(import_file, std::ios::binary);
      if (!in) return fail_with("không mở được tệp " + import_file);
      std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
      auto c = db::connect(db_url);
      app::prepare(*c);
      auto unit = org::find_unit_by_code(*c, import_unit);
      if (!unit) return fail_with("không có đơn vị mã " + import_unit);
      auto who = auth::system_principal();
      auto name = std::filesystem::path(import_file).filename().string();
      auto p = imports::preview(*c, who, *kind, unit->id, name, bytes);
      if (!p) {
        std::string msg = p.error().message;
        for (const auto& f : p.error().fields) msg += " " + f.message;
        return fail_with(msg);
      }
      auto print_report = [&](const imports::Import& i) {
        std::cout << "Tệp " << name << " (" << (i.format == "xlsx" ? "Excel" : "CSV") << "), "
                  << imports::kind_noun(i.kind) << " vào " << unit->name << ": " << i.data_rows << " dòng dữ liệu, "
                  << i.valid_rows << " dòng hợp lệ, " << i.invalid_rows << " dòng có lỗi.\n";
        for (const auto& is : imports::issues(*c, i.id, 1000000, 0))
          std::cout << (is.line ? "Dòng " + std::to_string(is.line) : std::string("Tệp"))
                    << (is.column.empty() ? "" : ", cột " + is.column) << ": " << is.message << "\n";
      };
      if (!import_commit) {
        print_report(*p);
        std::cout << "Chưa ghi gì vào cơ sở dữ liệu (lần nhập số " << p->id << "); chạy lại với --commit để nhập.\n";
        return p->invalid_rows > 0 || p->file_error || p->valid_rows == 0 ? 1 : 0;
      }
      auto mode = import_only_valid ? imports::CommitMode::kValidRowsOnly : imports::CommitMode::kAllOrNothing;
      auto r = imports::commit(*c, who, p->id, mode);
      auto after = imports::get_import(*c, who, p->id);
      print_report(after ? *after : *p);
      if (!r) {
        std::cout << "Chưa nhập dòng nào: " << r.error().message << "\n";
        return 1;
      }
      std::cout << "Đã nhập " << r->imported << " " << imports::kind_noun(r->kind) << " vào " << unit->name
                << (r->invalid_rows ? " (bỏ qua các dòng có lỗi)" : "") << ".\n";
      return 0;
    }
    if (*export_cmd) {
      auto format = exports::format_of(format_name);
      if (!format) return fail_with("--format phải là xlsx hoặc csv");
      auto c = db::connect(db_url);
      app::prepare(*c);
      exports::Ask ask;
      if (!unit_code.empty()) {
        auto unit = org::find_unit_by_code(*c, unit_code);
        if (!unit) return fail_with("không có đơn vị mã " + unit_code);
        ask.unit_id = unit->id;
      }
      if (!year_text.empty()) ask.filters.add("year", year_text);
      if (!status_text.empty()) ask.filters.add("status", status_text);
      if (!q_text.empty()) ask.filters.add("q", q_text);
      if (!round_text.empty()) ask.filters.add("round", round_text);
      for (const auto& pair : filter_pairs) {
        auto eq = pair.find('=');
        if (eq == std::string::npos || eq == 0) return fail_with("--filter phải có dạng TÊN=GIÁ_TRỊ, ví dụ --filter kind=chi_bo");
        ask.filters.add(pair.substr(0, eq), pair.substr(eq + 1));
      }
      auto file = exports::produce(*c, auth::system_principal(), list_kind, ask, *format, exports::Channel::kCli);
      if (!file) {
        std::string msg = file.error().message;
        if (file.error().code == ErrorCode::kNotFound && !exports::find_kind(list_kind)) {
          msg += " Các danh sách:";
          for (const auto& k : exports::kinds()) msg += " " + k.code;
        }
        return fail_with(msg);
      }
      std::ofstream out(out_path, std::ios::binary | std::ios::trunc);
      out << file->bytes;
      out.close();
      if (!out) return fail_with("không ghi được tệp " + out_path);
      std::cout << "Đã ghi " << file->rows << " dòng vào " << out_path << ".\n";
      return 0;
    }
    if (*verify) {
      auto c = db::connect(db_url);
      auto v = audit::verify(*c);
      if (v.ok) {
        std::cout << "Nhật ký nguyên vẹn: " << v.checked << " bản ghi, chuỗi băm khớp.\n";
        return 0;
      }
      std::cout << "Nhật ký KHÔNG nguyên vẹn: " << v.reason << " (đã kiểm tra " << v.checked << " bản ghi).\n";
      return 1;
    }
  } catch (const std::exception& e) {
    spdlog::error("{}", e.what());
    return 1;
  }
  return 0;
}
