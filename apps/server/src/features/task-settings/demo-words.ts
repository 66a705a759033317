import type { Locale } from '@spotter/contracts';

/** Seed 004's worked example of templates, results and extra fields, in five languages. */
export interface DemoSettingsWords {
  bookedTrial: string;
  trialDate: string;
  activities: string;
  informationSent: string;
  thinking: string;
  callBack: string;
  notRelevant: string;
  goingToBuy: string;
  expectedPurchaseDate: string;
  boughtMembership: string;
  conditionalRefusal: string;
  refusalReason: string;
  checkPurchase: string;
  didNotBuy: string;
  sendInformation: string;
  sendInformationComment: string;
  orderWater: string;
  monthlyReport: string;
  callFormerMembers: string;
}

export const DEMO_SETTINGS_WORDS: Record<Locale, DemoSettingsWords> = {
  en: {
    bookedTrial: 'Booked a trial',
    trialDate: 'Trial date',
    activities: 'Activities and groups',
    informationSent: 'Information sent',
    thinking: 'Thinking',
    callBack: 'Call back',
    notRelevant: 'Not relevant now',
    goingToBuy: 'Going to buy a membership',
    expectedPurchaseDate: 'Expected purchase date',
    boughtMembership: 'Bought a membership',
    conditionalRefusal: 'Conditional refusal',
    refusalReason: 'Refusal reason',
    checkPurchase: 'Check the purchase',
    didNotBuy: 'Did not buy',
    sendInformation: 'Send information',
    sendInformationComment: 'Send the schedule and prices by email',
    orderWater: 'Order water',
    monthlyReport: 'Prepare the monthly report',
    callFormerMembers: 'Call former members',
  },
  sv: {
    bookedTrial: 'Bokade prova på-pass',
    trialDate: 'Datum för prova på-pass',
    activities: 'Aktiviteter och grupper',
    informationSent: 'Information skickad',
    thinking: 'Funderar',
    callBack: 'Ring tillbaka',
    notRelevant: 'Inte aktuellt nu',
    goingToBuy: 'Ska köpa medlemskap',
    expectedPurchaseDate: 'Planerat köpdatum',
    boughtMembership: 'Köpte medlemskap',
    conditionalRefusal: 'Villkorat nej',
    refusalReason: 'Orsak till nej',
    checkPurchase: 'Kontrollera köpet',
    didNotBuy: 'Köpte inte',
    sendInformation: 'Skicka information',
    sendInformationComment: 'Skicka schema och priser via mejl',
    orderWater: 'Beställ vatten',
    monthlyReport: 'Förbered månadsrapporten',
    callFormerMembers: 'Ring tidigare medlemmar',
  },
  pl: {
    bookedTrial: 'Zapis na zajęcia próbne',
    trialDate: 'Data zajęć próbnych',
    activities: 'Zajęcia i grupy',
    informationSent: 'Wysłano informacje',
    thinking: 'Zastanawia się',
    callBack: 'Oddzwonić',
    notRelevant: 'Teraz nieaktualne',
    goingToBuy: 'Zamierza kupić karnet',
    expectedPurchaseDate: 'Planowana data zakupu',
    boughtMembership: 'Kupił karnet',
    conditionalRefusal: 'Warunkowa odmowa',
    refusalReason: 'Powód odmowy',
    checkPurchase: 'Sprawdzić zakup karnetu',
    didNotBuy: 'Nie kupił karnetu',
    sendInformation: 'Wysłać informacje',
    sendInformationComment: 'Wysłać grafik i cennik mailem',
    orderWater: 'Zamówić wodę',
    monthlyReport: 'Przygotować raport miesięczny',
    callFormerMembers: 'Obdzwonić byłych klientów',
  },
  ru: {
    bookedTrial: 'Запись на пробное занятие',
    trialDate: 'Дата пробного занятия',
    activities: 'Направления и группы',
    informationSent: 'Отправлена информация',
    thinking: 'Думает',
    callBack: 'Перезвонить',
    notRelevant: 'Сейчас не актуально',
    goingToBuy: 'Собирается купить абонемент',
    expectedPurchaseDate: 'Ожидаемая дата покупки',
    boughtMembership: 'Купил абонемент',
    conditionalRefusal: 'Условный отказ',
    refusalReason: 'Причина отказа',
    checkPurchase: 'Проверить покупку абонемента',
    didNotBuy: 'Не купил абонемент',
    sendInformation: 'Отправить информацию на почту',
    sendInformationComment: 'Отправить расписание и цены на почту',
    orderWater: 'Заказать воду',
    monthlyReport: 'Подготовиться к отчёту за месяц',
    callFormerMembers: 'Обзвон бывших клиентов',
  },
  uk: {
    bookedTrial: 'Запис на пробне заняття',
    trialDate: 'Дата пробного заняття',
    activities: 'Напрями та групи',
    informationSent: 'Надіслано інформацію',
    thinking: 'Думає',
    callBack: 'Передзвонити',
    notRelevant: 'Зараз не актуально',
    goingToBuy: 'Збирається купити абонемент',
    expectedPurchaseDate: 'Очікувана дата покупки',
    boughtMembership: 'Купив абонемент',
    conditionalRefusal: 'Умовна відмова',
    refusalReason: 'Причина відмови',
    checkPurchase: 'Перевірити покупку абонемента',
    didNotBuy: 'Не купив абонемент',
    sendInformation: 'Надіслати інформацію на пошту',
    sendInformationComment: 'Надіслати розклад і ціни на пошту',
    orderWater: 'Замовити воду',
    monthlyReport: 'Підготуватися до звіту за місяць',
    callFormerMembers: 'Обдзвін колишніх клієнтів',
  },
};
