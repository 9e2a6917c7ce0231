// The console's words in English and Ukrainian (the vocabulary of the console design notes), the chosen
// language remembered in the browser, and dates, times and numbers formatted by Intl for that language.

const LANGUAGE_KEY = 'bwu.console.language';
const LOCALES = { en: 'en-GB', uk: 'uk-UA' };

const WORDS = {
    en: {
        'app.title': 'Build with Ukraine — production network',
        'app.skip': 'Skip to content',
        'app.navigation': 'Tasks',
        'app.language': 'Language',
        'app.signOut': 'Sign out',
        'app.signingIn': 'Signing in…',
        'app.signInFailed': 'Signing in failed: {reason}',
        'app.factory': 'Factory {factory}',
        'app.noTasks': 'Your roles have no tasks in the console yet.',
        'app.notFound': 'There is no such page in the console.',
        'role.manufacturer': 'manufacturer',
        'role.technology-officer': 'technology officer',
        'role.order-desk': 'order desk',
        'role.network-admin': 'network administrator',
        'role.operator': 'operator',
        'nav.myLines': 'My lines',
        'nav.lines': 'Production lines',
        'state.RUNNING': 'Running', 'state.IDLE': 'Idle', 'state.DOWN': 'Down', 'state.MAINTENANCE': 'Maintenance',
        'state.RETOOLING': 'Retooling',
        'reason.BREAKDOWN': 'Breakdown', 'reason.MATERIAL_SHORTAGE': 'Material shortage',
        'reason.QUALITY_HOLD': 'Quality hold', 'reason.POWER': 'Power', 'reason.SECURITY': 'Security',
        'reason.OTHER': 'Other',
        'nav.orders': 'Orders',
        'state.ROUTED': 'Routed', 'state.PARTIALLY_ROUTED': 'Partly routed', 'state.QUEUED': 'Queued',
        'state.REJECTED': 'Rejected', 'state.IN_PRODUCTION': 'In production', 'state.FULFILLED': 'Fulfilled',
        'state.CANCELLED': 'Cancelled', 'state.RECEIVED': 'Received',
        'customerClass.UA_DEFENCE': "Ukraine's defence forces", 'customerClass.PARTNER_DEFENCE': 'Partner defence',
        'customerClass.EXPORT': 'Export',
        'orders.title': 'Orders',
        'orders.counts': 'Orders by state',
        'orders.empty': 'No orders yet.',
        'orders.place': 'Place an order',
        'orders.placed': 'Order {id} placed: {state}.',
        'orders.back': 'All orders',
        'orders.order': 'Order',
        'orders.state': 'State',
        'orders.customerClass': 'Customer class',
        'orders.customer': 'Customer',
        'orders.technology': 'Technology',
        'orders.quantity': 'Quantity',
        'orders.neededBy': 'Needed by',
        'orders.receivedAt': 'Received',
        'orders.destination': 'Destination country (ISO code)',
        'orders.exportCentre': 'Export centre',
        'orders.chooseCentre': '— choose an export centre —',
        'orders.submit': 'Place order',
        'orders.placing': 'Placing…',
        'order.title': 'Order {id}',
        'order.plan': 'Plan per line',
        'order.noAllocations': 'No line has been given any of this order.',
        'order.allocated': 'Allocated',
        'order.produced': 'Produced',
        'order.unplaced': 'Waiting for a line',
        'order.allocationStatus': 'Allocation',
        'order.plannedStart': 'Planned start',
        'order.plannedFinish': 'Planned finish',
        'order.decision': 'Routing decision: why these lines',
        'order.verdict': 'Verdict',
        'order.why': 'Why',
        'allocation.ACTIVE': 'Active', 'allocation.COMPLETED': 'Completed', 'allocation.CANCELLED': 'Withdrawn',
        'verdict.CHOSEN': 'Chosen', 'verdict.NOT_NEEDED': 'Passed over: not needed',
        'verdict.NO_CAPACITY': 'Passed over: no capacity', 'verdict.NO_QUOTA': 'Passed over: no quota',
        'verdict.INELIGIBLE': 'Passed over: not eligible',
        'nav.myLicences': 'My licences',
        'licences.myTitle': 'My licences',
        'licences.empty': 'No licences yet.',
        'licences.technology': 'Technology',
        'licences.status': 'Status',
        'licences.remaining': 'Remaining quota',
        'licences.cap': 'Quantity cap',
        'licences.validFrom': 'Valid from',
        'licences.validTo': 'Valid to',
        'licences.territories': 'Export territories',
        'state.GRANTED': 'Granted', 'state.REQUESTED': 'Requested', 'state.SUSPENDED': 'Suspended',
        'state.REVOKED': 'Revoked', 'state.EXPIRED': 'Expired', 'state.EXHAUSTED': 'Exhausted',
        'status.loading': 'Loading…',
        'status.retry': 'Try again',
        'lines.title': 'Production lines',
        'lines.myTitle': 'My lines',
        'lines.empty': 'No production lines yet.',
        'lines.line': 'Line',
        'lines.state': 'State',
        'lines.since': 'Since',
        'lines.lastReport': 'Last report',
        'lines.technology': 'Technology',
        'lines.capacity': 'Nominal capacity',
        'lines.perDay': '{count} units/day',
        'lines.never': 'none yet',
        'line.title': 'Line {lineId}',
        'line.back': 'All lines',
        'line.reason': 'Downtime reason',
        'line.recentReports': 'Recent status reports',
        'line.noReports': 'No status reports yet.',
        'line.observedAt': 'Observed at',
        'line.good': 'Good units',
        'line.scrap': 'Scrap units',
        'line.reportedBy': 'Reported by',
        'report.title': 'Report status',
        'report.state': 'State',
        'report.reason': 'Downtime reason',
        'report.reasonHint': 'Required when the line is down.',
        'report.chooseReason': '— choose a reason —',
        'report.observedAt': 'Observed at',
        'report.observedAtHint': 'Now, unless you change it ({zone}).',
        'report.goodUnits': 'Good units since the last report',
        'report.scrapUnits': 'Scrap units since the last report',
        'report.submit': 'Send status report',
        'report.sending': 'Sending…',
        'report.saved': 'Status report saved: the line is now {state}.',
        'error.title': 'Something went wrong',
        'error.network': 'The platform cannot be reached. Check the connection and try again.',
        'error.status': 'The platform answered {status}.',
        'error.forbidden': 'You may not see this.',
        'error.notYourTask': 'This page belongs to a task your roles do not include.',
    },
    uk: {
        'app.title': 'Build with Ukraine — виробнича мережа',
        'app.skip': 'Перейти до вмісту',
        'app.navigation': 'Завдання',
        'app.language': 'Мова',
        'app.signOut': 'Вийти',
        'app.signingIn': 'Вхід…',
        'app.signInFailed': 'Не вдалося увійти: {reason}',
        'app.factory': 'Завод {factory}',
        'app.noTasks': 'Для ваших ролей у консолі ще немає завдань.',
        'app.notFound': 'Такої сторінки в консолі немає.',
        'role.manufacturer': 'виробник',
        'role.technology-officer': 'офіцер з питань технологій',
        'role.order-desk': 'відділ замовлень',
        'role.network-admin': 'адміністратор мережі',
        'role.operator': 'оператор',
        'nav.myLines': 'Мої лінії',
        'nav.lines': 'Виробничі лінії',
        'state.RUNNING': 'Працює', 'state.IDLE': 'Очікує', 'state.DOWN': 'Зупинена',
        'state.MAINTENANCE': 'Обслуговування', 'state.RETOOLING': 'Переналагодження',
        'reason.BREAKDOWN': 'Поломка', 'reason.MATERIAL_SHORTAGE': 'Нестача матеріалів',
        'reason.QUALITY_HOLD': 'Блокування через якість', 'reason.POWER': 'Електроживлення',
        'reason.SECURITY': 'Безпека', 'reason.OTHER': 'Інше',
        'nav.orders': 'Замовлення',
        'state.ROUTED': 'Розподілено', 'state.PARTIALLY_ROUTED': 'Частково розподілено', 'state.QUEUED': 'У черзі',
        'state.REJECTED': 'Відхилено', 'state.IN_PRODUCTION': 'У виробництві', 'state.FULFILLED': 'Виконано',
        'state.CANCELLED': 'Скасовано', 'state.RECEIVED': 'Отримано',
        'customerClass.UA_DEFENCE': 'Сили оборони України', 'customerClass.PARTNER_DEFENCE': 'Оборона партнерів',
        'customerClass.EXPORT': 'Експорт',
        'orders.title': 'Замовлення',
        'orders.counts': 'Замовлення за станом',
        'orders.empty': 'Замовлень ще немає.',
        'orders.place': 'Розмістити замовлення',
        'orders.placed': 'Замовлення {id} розміщено: {state}.',
        'orders.back': 'Усі замовлення',
        'orders.order': 'Замовлення',
        'orders.state': 'Стан',
        'orders.customerClass': 'Клас замовника',
        'orders.customer': 'Замовник',
        'orders.technology': 'Технологія',
        'orders.quantity': 'Кількість',
        'orders.neededBy': 'Потрібно до',
        'orders.receivedAt': 'Отримано',
        'orders.destination': 'Країна призначення (код ISO)',
        'orders.exportCentre': 'Експортний центр',
        'orders.chooseCentre': '— оберіть експортний центр —',
        'orders.submit': 'Розмістити замовлення',
        'orders.placing': 'Розміщення…',
        'order.title': 'Замовлення {id}',
        'order.plan': 'План за лініями',
        'order.noAllocations': 'Жодній лінії ще нічого з цього замовлення не призначено.',
        'order.allocated': 'Розподілено',
        'order.produced': 'Вироблено',
        'order.unplaced': 'Чекає на лінію',
        'order.allocationStatus': 'Розподіл',
        'order.plannedStart': 'Плановий початок',
        'order.plannedFinish': 'Планове завершення',
        'order.decision': 'Рішення про розподіл: чому ці лінії',
        'order.verdict': 'Рішення',
        'order.why': 'Чому',
        'allocation.ACTIVE': 'Чинний', 'allocation.COMPLETED': 'Виконаний', 'allocation.CANCELLED': 'Знятий',
        'verdict.CHOSEN': 'Обрано', 'verdict.NOT_NEEDED': 'Не обрано: не потрібна',
        'verdict.NO_CAPACITY': 'Не обрано: немає потужності', 'verdict.NO_QUOTA': 'Не обрано: немає квоти',
        'verdict.INELIGIBLE': 'Не обрано: не відповідає вимогам',
        'nav.myLicences': 'Мої ліцензії',
        'licences.myTitle': 'Мої ліцензії',
        'licences.empty': 'Ліцензій ще немає.',
        'licences.technology': 'Технологія',
        'licences.status': 'Стан',
        'licences.remaining': 'Залишок квоти',
        'licences.cap': 'Граничний обсяг',
        'licences.validFrom': 'Чинна з',
        'licences.validTo': 'Чинна до',
        'licences.territories': 'Території експорту',
        'state.GRANTED': 'Надано', 'state.REQUESTED': 'Запитано', 'state.SUSPENDED': 'Призупинено',
        'state.REVOKED': 'Відкликано', 'state.EXPIRED': 'Строк дії минув', 'state.EXHAUSTED': 'Квоту вичерпано',
        'status.loading': 'Завантаження…',
        'status.retry': 'Спробувати ще раз',
        'lines.title': 'Виробничі лінії',
        'lines.myTitle': 'Мої лінії',
        'lines.empty': 'Виробничих ліній ще немає.',
        'lines.line': 'Лінія',
        'lines.state': 'Стан',
        'lines.since': 'Від',
        'lines.lastReport': 'Останній звіт',
        'lines.technology': 'Технологія',
        'lines.capacity': 'Номінальна потужність',
        'lines.perDay': '{count} од./добу',
        'lines.never': 'ще немає',
        'line.title': 'Лінія {lineId}',
        'line.back': 'Усі лінії',
        'line.reason': 'Причина простою',
        'line.recentReports': 'Останні звіти про стан',
        'line.noReports': 'Звітів про стан ще немає.',
        'line.observedAt': 'Час спостереження',
        'line.good': 'Придатні вироби',
        'line.scrap': 'Брак',
        'line.reportedBy': 'Звітував',
        'report.title': 'Звіт про стан',
        'report.state': 'Стан',
        'report.reason': 'Причина простою',
        'report.reasonHint': "Обов'язкова, коли лінія зупинена.",
        'report.chooseReason': '— оберіть причину —',
        'report.observedAt': 'Час спостереження',
        'report.observedAtHint': 'Зараз, якщо не змінити ({zone}).',
        'report.goodUnits': 'Придатні вироби від останнього звіту',
        'report.scrapUnits': 'Брак від останнього звіту',
        'report.submit': 'Надіслати звіт про стан',
        'report.sending': 'Надсилання…',
        'report.saved': 'Звіт про стан збережено: лінія тепер у стані «{state}».',
        'error.title': 'Щось пішло не так',
        'error.network': "Платформа недоступна. Перевірте з'єднання і спробуйте ще раз.",
        'error.status': 'Платформа відповіла {status}.',
        'error.forbidden': 'Вам це не доступно.',
        'error.notYourTask': 'Ця сторінка належить до завдання, якого немає у ваших ролях.',
    },
};

export const LANGUAGES = Object.keys(WORDS);
export const LANGUAGE_CHANGED = 'bwu-language-changed';

let language = initialLanguage();

function initialLanguage() {
    const remembered = localStorage.getItem(LANGUAGE_KEY);
    if (LANGUAGES.includes(remembered)) {
        return remembered;
    }
    return (navigator.language || '').toLowerCase().startsWith('uk') ? 'uk' : 'en';
}

export function currentLanguage() {
    return language;
}

export function setLanguage(next) {
    if (!LANGUAGES.includes(next) || next === language) {
        return;
    }
    language = next;
    localStorage.setItem(LANGUAGE_KEY, next);
    document.documentElement.lang = next;
    window.dispatchEvent(new CustomEvent(LANGUAGE_CHANGED));
}

/** The word for key in the current language, with {name} placeholders filled from params. */
export function t(key, params = {}) {
    const text = WORDS[language][key] ?? WORDS.en[key] ?? key;
    return text.replace(/\{(\w+)\}/g, (placeholder, name) => (name in params ? String(params[name]) : placeholder));
}

export function locale() {
    return LOCALES[language];
}

/** The browser's time zone, e.g. Europe/Berlin: every time is shown in it, with its name. */
export function timeZone() {
    return Intl.DateTimeFormat().resolvedOptions().timeZone;
}

/** An instant of the API (ISO 8601) as date and time in the user's zone, the zone named. */
export function formatDateTime(instant) {
    if (!instant) {
        return '';
    }
    return new Intl.DateTimeFormat(locale(), {
        year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', timeZoneName: 'short',
    }).format(new Date(instant));
}

/** A calendar date of the API (yyyy-mm-dd), the same day wherever the user is. */
export function formatDate(date) {
    if (!date) {
        return '';
    }
    return new Intl.DateTimeFormat(locale(), { year: 'numeric', month: '2-digit', day: '2-digit', timeZone: 'UTC' })
        .format(new Date(`${date}T00:00:00Z`));
}

export function formatNumber(value) {
    return new Intl.NumberFormat(locale()).format(value);
}

document.documentElement.lang = language;
