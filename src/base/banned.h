/*
 * banned.h: functions that must not be used in dyad, made compile errors.
 * Bounded, length-carrying replacements exist for each (snprintf, memcpy
 * with explicit sizes, strtol with checks).
 */
#ifndef DYAD_BANNED_H
#define DYAD_BANNED_H

#define DYAD_BANNED(func) sorry_##func##_is_banned_in_dyad

#undef strcpy
#define strcpy(x, y) DYAD_BANNED(strcpy)
#undef strcat
#define strcat(x, y) DYAD_BANNED(strcat)
#undef sprintf
#define sprintf(...) DYAD_BANNED(sprintf)
#undef vsprintf
#define vsprintf(...) DYAD_BANNED(vsprintf)
#undef strtok
#define strtok(x, y) DYAD_BANNED(strtok)
#undef atoi
#define atoi(x) DYAD_BANNED(atoi)
#undef gets
#define gets(x) DYAD_BANNED(gets)

#endif
