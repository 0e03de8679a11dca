/**
 * exchange_rates.csv: annual average CNY per USD as stated in the NBS statistical communiqués
 * (国民经济和社会发展统计公报, section on finance: "全年人民币平均汇率为1美元兑…元人民币").
 * Not in ../shared: these are well-known published constants, written here with their source.
 */

export interface ExchangeRate {
  year: string;
  currency: 'USD';
  cny_per_unit: string;
  source: string;
}

const ANNUAL_AVERAGE_CNY_PER_USD: readonly [year: number, rate: string][] = [
  [2016, '6.6423'],
  [2017, '6.7518'],
  [2018, '6.6174'],
  [2019, '6.8985'],
  [2020, '6.8976'],
  [2021, '6.4515'],
  [2022, '6.7261'],
  [2023, '7.0467'],
  [2024, '7.1217'],
];

export function buildExchangeRates(): ExchangeRate[] {
  return ANNUAL_AVERAGE_CNY_PER_USD.map(([year, rate]) => ({
    year: String(year),
    currency: 'USD',
    cny_per_unit: rate,
    source: `国家统计局《中华人民共和国${year}年国民经济和社会发展统计公报》：全年人民币平均汇率为1美元兑${rate}元人民币`,
  }));
}
