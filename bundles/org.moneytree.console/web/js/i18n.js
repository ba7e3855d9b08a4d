// The pages' texts in English and Simplified Chinese, the tier names, and number formats by value type.
// Elements with data-i18n="key" get the text of that key; data-i18n-placeholder sets a placeholder.

const TEXTS = {
  en: {
    'app.title': 'Moneytree console',
    'login.title': 'Log in to Moneytree',
    'login.name': 'Name',
    'login.password': 'Password',
    'login.submit': 'Log in',
    'login.hint': 'On the first start the console command printed the admin password.',
    'header.dataset': 'Dataset',
    'header.period': 'Period',
    'header.search': 'Find a customer (id or name)',
    'header.logout': 'Log out',
    'header.admin': 'Admin',
    'header.language': 'Language',
    'menu.title': 'Views',
    'home.title': 'Welcome',
    'home.text': 'Choose a view on the left. A dataset appears in the list above once ./moneytree analyze has run on it.',
    'home.noDatasets': 'No analysed dataset yet: run ./moneytree analyze FILE first.',
    'view.show': 'Show',
    'view.figures': 'Key figures',
    'view.exportCsv': 'Export CSV',
    'view.exportHtml': 'Export HTML',
    'view.exportPdf': 'PDF of the whole analysis',
    'view.loading': 'Loading…',
    'view.notes': 'Notes',
    'view.none': '(none)',
    'view.automatic': '(chosen by the view)',
    'view.needs': 'Fill in: {0}.',
    'view.exporting': 'Exporting…',
    'view.exported': 'Saved {0}.',
    'table.filter': 'Filter rows',
    'table.shown': 'Showing {0} of {1} rows',
    'table.sortHint': 'Click a column header to sort',
    'chart.clickHint': 'Click a point that stands for a customer to open the account profile.',
    'admin.title': 'Administration',
    'admin.users': 'Users',
    'admin.user': 'Name',
    'admin.role': 'Role',
    'admin.created': 'Created',
    'admin.lastLogin': 'Last login',
    'admin.actions': 'Actions',
    'admin.remove': 'Remove',
    'admin.setPassword': 'New password',
    'admin.save': 'Save',
    'admin.addUser': 'Add a user',
    'admin.add': 'Add',
    'admin.password': 'Password (at least 10 characters)',
    'admin.confirmRemove': 'Remove user {0}?',
    'admin.plugins': 'Plugins',
    'admin.feature': 'Feature',
    'admin.version': 'Version',
    'admin.pluginName': 'Name',
    'admin.product': 'part of the product',
    'admin.uninstall': 'Uninstall',
    'admin.install': 'Install a plugin',
    'admin.site': 'Update site (folder, zip file or URI)',
    'admin.installButton': 'Install',
    'admin.failures': 'Plugins that failed',
    'admin.noFailures': 'All plugins are running.',
    'admin.confirmUninstall': 'Uninstall {0}?',
    'role.admin': 'admin',
    'role.analyst': 'analyst',
    'tier.platinum': 'platinum',
    'tier.gold': 'gold',
    'tier.iron': 'iron',
    'tier.lead': 'lead',
    'error.title': 'Something went wrong',
  },
  zh: {
    'app.title': 'Moneytree 控制台',
    'login.title': '登录 Moneytree',
    'login.name': '用户名',
    'login.password': '密码',
    'login.submit': '登录',
    'login.hint': '首次启动时，console 命令已打印管理员密码。',
    'header.dataset': '数据集',
    'header.period': '期间',
    'header.search': '查找客户（编号或名称）',
    'header.logout': '退出',
    'header.admin': '管理',
    'header.language': '语言',
    'menu.title': '视图',
    'home.title': '欢迎',
    'home.text': '请在左侧选择视图。数据集经 ./moneytree analyze 分析后出现在上方的列表中。',
    'home.noDatasets': '尚无已分析的数据集：请先运行 ./moneytree analyze 文件。',
    'view.show': '显示',
    'view.figures': '关键数字',
    'view.exportCsv': '导出 CSV',
    'view.exportHtml': '导出 HTML',
    'view.exportPdf': '整份分析的 PDF',
    'view.loading': '加载中…',
    'view.notes': '说明',
    'view.none': '（无）',
    'view.automatic': '（由视图选择）',
    'view.needs': '请填写：{0}。',
    'view.exporting': '正在导出…',
    'view.exported': '已保存 {0}。',
    'table.filter': '筛选行',
    'table.shown': '显示 {1} 行中的 {0} 行',
    'table.sortHint': '点击列标题排序',
    'chart.clickHint': '点击代表客户的点可打开客户档案。',
    'admin.title': '管理',
    'admin.users': '用户',
    'admin.user': '用户名',
    'admin.role': '角色',
    'admin.created': '创建时间',
    'admin.lastLogin': '上次登录',
    'admin.actions': '操作',
    'admin.remove': '删除',
    'admin.setPassword': '新密码',
    'admin.save': '保存',
    'admin.addUser': '添加用户',
    'admin.add': '添加',
    'admin.password': '密码（至少 10 个字符）',
    'admin.confirmRemove': '删除用户 {0}？',
    'admin.plugins': '插件',
    'admin.feature': '功能',
    'admin.version': '版本',
    'admin.pluginName': '名称',
    'admin.product': '产品自带',
    'admin.uninstall': '卸载',
    'admin.install': '安装插件',
    'admin.site': '更新站点（文件夹、zip 文件或 URI）',
    'admin.installButton': '安装',
    'admin.failures': '出错的插件',
    'admin.noFailures': '所有插件运行正常。',
    'admin.confirmUninstall': '卸载 {0}？',
    'role.admin': '管理员',
    'role.analyst': '分析师',
    'tier.platinum': '铂金',
    'tier.gold': '黄金',
    'tier.iron': '铁质',
    'tier.lead': '铅质',
    'error.title': '出错了',
  },
};

export const TIERS = ['platinum', 'gold', 'iron', 'lead'];

let language = 'en';

export function setLanguage(lang) {
  language = lang === 'zh' ? 'zh' : 'en';
  document.documentElement.lang = language === 'zh' ? 'zh-CN' : 'en';
}

export function currentLanguage() {
  return language;
}

/** A text in the current language; {0}, {1}... are replaced by the arguments. */
export function t(key, ...args) {
  const text = TEXTS[language][key] ?? TEXTS.en[key] ?? key;
  return text.replace(/\{(\d+)\}/g, (_, index) => String(args[Number(index)]));
}

/** A tier's name in the current language (its id when it is not one of the four). */
export function tierName(id) {
  return TIERS.includes(id) ? t('tier.' + id) : id;
}

/** Fills the texts of every element marked with data-i18n under root. */
export function applyTexts(root = document) {
  for (const element of root.querySelectorAll('[data-i18n]')) {
    element.textContent = t(element.dataset.i18n);
  }
  for (const element of root.querySelectorAll('[data-i18n-placeholder]')) {
    element.placeholder = t(element.dataset.i18nPlaceholder);
  }
  document.title = t('app.title');
}

function locale() {
  return language === 'zh' ? 'zh-CN' : 'en-US';
}

/** A value formatted for people by its ValueType. */
export function formatValue(type, value) {
  if (value === null || value === undefined || value === '') {
    return '';
  }
  switch (type) {
    case 'MONEY':
      return new Intl.NumberFormat(locale(), { minimumFractionDigits: 2, maximumFractionDigits: 2 }).format(value);
    case 'SHARE':
      return new Intl.NumberFormat(locale(), { style: 'percent', minimumFractionDigits: 1, maximumFractionDigits: 1 }).format(value);
    case 'COUNT':
      return new Intl.NumberFormat(locale(), { maximumFractionDigits: 0 }).format(value);
    case 'SCORE':
      return new Intl.NumberFormat(locale(), { minimumFractionDigits: 1, maximumFractionDigits: 1 }).format(value);
    case 'NUMBER':
      return new Intl.NumberFormat(locale(), { maximumFractionDigits: 3 }).format(value);
    case 'TIER':
      return tierName(value);
    default:
      return String(value);
  }
}

/** Whether values of a type are numbers (aligned right, sorted numerically). */
export function numeric(type) {
  return ['MONEY', 'SHARE', 'COUNT', 'SCORE', 'NUMBER'].includes(type);
}

/** A date-time from the API (ISO text) for people. */
export function formatInstant(text) {
  if (!text) {
    return '';
  }
  return new Date(text).toLocaleString(locale());
}
