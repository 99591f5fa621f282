package io.deskbridge.core.privacy;

import java.time.DateTimeException;
import java.time.LocalDate;

/**
 * The checks of the national identity numbers the {@link Redactor} finds: each has a birth date that must exist and a
 * check digit (or, for the oldest Czech and Slovak numbers, a fixed shape). No library on Maven Central covers these
 * three, so they are written here from their definitions. Stateless.
 */
final class NationalIds {
  private static final int[] PESEL_WEIGHTS = {1, 3, 7, 9, 1, 3, 7, 9, 1, 3};
  private static final int[] EMSO_WEIGHTS = {7, 6, 5, 4, 3, 2, 7, 6, 5, 4, 3, 2};

  private NationalIds() {}

  /**
   * A Czech or Slovak birth number (rodné číslo), digits only: {@code YYMMDDXXXX} (from 1954) or, written with its
   * slash, the nine-digit {@code YYMMDD/XXX} (before 1954, no check digit).
   *
   * <p>The month is 1–12 for men, +50 for women, and from 2004 also +20 (+70); the ten-digit number's first nine
   * digits modulo 11 are its last digit, where a remainder of 10 gives 0 (numbers issued before 1985).
   *
   * @param digits    the number without its slash
   * @param withSlash whether it was written {@code YYMMDD/XXX(X)}; the nine-digit form counts only then
   */
  static boolean birthNumber(String digits, boolean withSlash) {
    if (!allDigits(digits) || digits.length() != 10 && !(digits.length() == 9 && withSlash)) {
      return false;
    }
    int yy = num(digits, 0, 2);
    int mm = num(digits, 2, 4);
    int dd = num(digits, 4, 6);
    int year;
    if (digits.length() == 9) {
      if (yy >= 54) {
        return false;
      }
      year = 1900 + yy;
    } else {
      year = yy >= 54 ? 1900 + yy : 2000 + yy;
    }
    int month;
    if (mm >= 1 && mm <= 12) {
      month = mm;
    } else if (mm >= 51 && mm <= 62) {
      month = mm - 50;
    } else if (year >= 2004 && mm >= 21 && mm <= 32) {
      month = mm - 20;
    } else if (year >= 2004 && mm >= 71 && mm <= 82) {
      month = mm - 70;
    } else {
      return false;
    }
    if (!date(year, month, dd)) {
      return false;
    }
    if (digits.length() == 9) {
      return true;
    }
    long first = Long.parseLong(digits.substring(0, 9));
    int check = (int) (first % 11) % 10;
    return check == digits.charAt(9) - '0';
  }

  /**
   * A Polish PESEL: {@code YYMMDDZZZXQ}, the month carrying the century (+80 for the 1800s, +0, +20, +40, +60), and
   * {@code Q = (10 - Σ wᵢ·dᵢ mod 10) mod 10} with weights 1, 3, 7, 9 repeated.
   */
  static boolean pesel(String digits) {
    if (digits.length() != 11 || !allDigits(digits)) {
      return false;
    }
    int yy = num(digits, 0, 2);
    int mm = num(digits, 2, 4);
    int dd = num(digits, 4, 6);
    int century = switch (mm / 20) {
      case 0 -> 1900;
      case 1 -> 2000;
      case 2 -> 2100;
      case 3 -> 2200;
      default -> 1800;
    };
    if (!date(century + yy, mm % 20, dd)) {
      return false;
    }
    int sum = 0;
    for (int i = 0; i < 10; i++) {
      sum += PESEL_WEIGHTS[i] * (digits.charAt(i) - '0');
    }
    return (10 - sum % 10) % 10 == digits.charAt(10) - '0';
  }

  /**
   * A Slovenian EMŠO: {@code DDMMYYYRRBBBK}, the year's last three digits (800–999 the 1800s and 1900s, else the
   * 2000s), and {@code K = 11 - (Σ wᵢ·dᵢ mod 11)} with weights 7 to 2 twice, 0 for a remainder of 0; a remainder of 1
   * (K = 10) is never issued.
   */
  static boolean emso(String digits) {
    if (digits.length() != 13 || !allDigits(digits)) {
      return false;
    }
    int dd = num(digits, 0, 2);
    int mm = num(digits, 2, 4);
    int yyy = num(digits, 4, 7);
    if (!date(yyy >= 800 ? 1000 + yyy : 2000 + yyy, mm, dd)) {
      return false;
    }
    int sum = 0;
    for (int i = 0; i < 12; i++) {
      sum += EMSO_WEIGHTS[i] * (digits.charAt(i) - '0');
    }
    int rest = sum % 11;
    int check = rest == 0 ? 0 : 11 - rest;
    return check != 10 && check == digits.charAt(12) - '0';
  }

  private static boolean date(int year, int month, int day) {
    try {
      LocalDate.of(year, month, day);
      return true;
    } catch (DateTimeException e) {
      return false;
    }
  }

  private static int num(String s, int from, int to) {
    return Integer.parseInt(s.substring(from, to));
  }

  private static boolean allDigits(String s) {
    for (int i = 0; i < s.length(); i++) {
      if (s.charAt(i) < '0' || s.charAt(i) > '9') {
        return false;
      }
    }
    return !s.isEmpty();
  }
}
