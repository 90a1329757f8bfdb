"""How newsrooms write dates, bylines and the lines around their stories, read back: each
form set into a short story page (in the form's language, no structured data) and extracted.

    python bench/written_forms.py                 # every family
    python bench/written_forms.py --only dates    # or updates, attributes, bylines, breaks,
                                                  # read-also, share, appeals, roundups,
                                                  # crumbs, meta-lines, threads

Per family and placement: how many forms come out right, then each form that does not.
- dates: a dateline under the headline ("Julkaistu 5.3.2020 klo 10.15", "2020. március 5.")
  in a date-named span, a bare <p>, a <time> and a byline; the day must be 2020-03-05.
- updates: a meta line giving the update before the publication; the publication's day wins.
- attributes: a date element's datetime (or content) attribute as sites write it ("05.03.2020",
  a timestamp, an RFC 2822 date) beside text showing no year; the day must be 2020-03-05.
- bylines: a byline ("Reporter: X | Editor: Y", "新华社记者 X") in a "byline" element and an
  "author" one; the writers must come out, in order.
- breaks: a line where a story resumes after an ad ("La suite après cette publicité") between
  paragraphs, as a <p>, a <div> and an <em>; it must be left out of the text.
- read-also: "Mehr zum Thema: <a>…</a>" lines inside the story; left out of the text.
- share: a sharing label over its buttons' links ("Artikel teilen: <a>Facebook</a> …")
  between paragraphs; left out of the text.
- appeals: a call to follow or subscribe ("Síguenos en Facebook y Twitter.") between
  paragraphs; left out of the text.
- crumbs: a breadcrumb trail under the headline ("<a>Startseite</a> › <a>Lokales</a> ›
  Die letzte Fähre"); left out of the text.
- meta-lines: a byline going on with the day ("Por Anna Berg | 5 de marzo de 2020"), or the
  day with the story's filing ("Date : 05/03/2020 Category : News"), under the headline;
  left out of the text.
- threads: a comment thread inside the story's block, under class names that say nothing,
  headed as blog themes head it ("2 Gedanken zu „Die letzte Fähre“"); left out of the text.
- roundups: a box of other stories after the story, its title ("Weitere Artikel") as an <h2>
  or a bold line over a list of links; the title left out of the text.
The forms were written from how sites print them; forms still read wrong are listed, not
hidden (Lithuanian and Latvian text dates, AP's capitals…: see the commits that added them).
"""

from __future__ import annotations

import argparse
import re
import sys
from collections.abc import Callable, Iterator
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from scraper.extract.page import extract  # noqa: E402

URL = "https://daily.example/news/the-last-ferry"
# One sentence of story text per language, so that the page reads as written in it.
FILL = {
    "en": "The ferry made its last crossing on Saturday afternoon, watched by a small crowd of villagers.",
    "fi": "Lautta teki viimeisen ylityksensä lauantai-iltapäivänä, ja pieni joukko kyläläisiä katsoi sitä.",
    "sv": "Färjan gjorde sin sista överfart på lördagseftermiddagen, och en liten skara bybor såg på.",
    "no": "Fergen tok sin siste tur lørdag ettermiddag, og en liten gruppe bygdefolk så på.",
    "da": "Færgen sejlede sin sidste tur lørdag eftermiddag, mens en lille flok landsbyboere så til.",
    "pl": "Prom odbył swój ostatni kurs w sobotę po południu, a przyglądała się temu niewielka grupa mieszkańców.",
    "cs": "Přívoz vyplul naposledy v sobotu odpoledne a přihlížel mu malý hlouček vesničanů.",
    "sk": "Kompa sa naposledy plavila v sobotu popoludní a prizerala sa jej malá skupina obyvateľov.",
    "hu": "A komp szombat délután tette meg utolsó útját, és egy kis csoport falusi nézte végig.",
    "ro": "Bacul a făcut ultima traversare sâmbătă după-amiază, urmărit de un mic grup de săteni.",
    "tr": "Feribot son seferini cumartesi öğleden sonra yaptı ve küçük bir köylü kalabalığı onu izledi.",
    "el": "Το πορθμείο έκανε το τελευταίο του δρομολόγιο το Σάββατο το απόγευμα, ενώ μια μικρή ομάδα χωρικών παρακολουθούσε.",
    "ru": "Паром совершил свой последний рейс в субботу днём, за этим наблюдала небольшая группа жителей деревни.",
    "uk": "Пором здійснив свій останній рейс у суботу вдень, за цим спостерігала невелика група селян.",
    "bg": "Фериботът направи последния си курс в събота следобед, наблюдаван от малка група селяни.",
    "hr": "Trajekt je posljednji put plovio u subotu poslijepodne, a promatrala ga je mala skupina mještana.",
    "sr": "Скела је последњи пут пловила у суботу поподне, а посматрала ју је мала група мештана.",
    "sl": "Trajekt je zadnjič plul v soboto popoldne, opazovala pa ga je majhna skupina vaščanov.",
    "lt": "Keltas paskutinį kartą plaukė šeštadienio popietę, jį stebėjo nedidelė kaimo gyventojų grupė.",
    "lv": "Prāmis pēdējo reizi kursēja sestdienas pēcpusdienā, to vēroja neliela ciema iedzīvotāju grupa.",
    "et": "Praam tegi oma viimase sõidu laupäeva pärastlõunal ja seda jälgis väike rühm külaelanikke.",
    "ko": "나룻배는 토요일 오후 마지막 운항을 했고, 몇몇 마을 주민들이 그 모습을 지켜보았다.",
    "ja": "渡し船は土曜日の午後に最後の運航を行い、少数の村人たちがその様子を見守った。",
    "zh": "渡船在星期六下午进行了最后一次航行，一小群村民在旁观看。",
    "ar": "قامت العبارة برحلتها الأخيرة بعد ظهر يوم السبت، وسط متابعة مجموعة صغيرة من القرويين.",
    "he": "המעבורת ביצעה את הפלגתה האחרונה ביום שבת אחר הצהריים, וקבוצה קטנה של תושבים צפתה בה.",
    "id": "Kapal feri melakukan penyeberangan terakhirnya pada Sabtu sore, disaksikan sekelompok kecil warga desa.",
    "ms": "Feri itu membuat pelayaran terakhirnya pada petang Sabtu, disaksikan sekumpulan kecil penduduk kampung.",
    "vi": "Chiếc phà thực hiện chuyến đi cuối cùng vào chiều thứ Bảy, trước sự chứng kiến của một nhóm nhỏ dân làng.",
    "hi": "नौका ने शनिवार दोपहर अपनी आखिरी यात्रा की, जिसे गांव के कुछ लोगों ने देखा।",
    "pt": "A balsa fez a sua última travessia no sábado à tarde, observada por um pequeno grupo de moradores.",
    "es": "El transbordador hizo su último cruce el sábado por la tarde, observado por un pequeño grupo de vecinos.",
    "de": "Die Fähre machte am Samstagnachmittag ihre letzte Überfahrt, beobachtet von einer kleinen Gruppe Dorfbewohner.",
    "fr": "Le bac a effectué sa dernière traversée samedi après-midi, sous le regard d'un petit groupe de villageois.",
    "it": "Il traghetto ha fatto l'ultima traversata sabato pomeriggio, osservato da un piccolo gruppo di abitanti.",
    "nl": "De veerpont maakte zaterdagmiddag zijn laatste overtocht, gadegeslagen door een kleine groep dorpelingen.",
}

DATES = """
fi|Julkaistu 5.3.2020 klo 10.15
fi|5.3.2020 klo 10.15
fi|Päivitetty 5.3.2020 12:30
sv|Publicerad 5 mars 2020 kl. 10.15
sv|5 mars 2020 10:15
sv|Publicerad: 2020-03-05 10:15
no|Publisert 05.03.2020 10:15
no|Publisert 5. mars 2020 kl. 10:15
no|Publisert: 05.03.20 10:15
da|5. marts 2020 kl. 10.15
da|5. mar. 2020 kl. 10.15
da|Offentliggjort 5. marts 2020
pl|Opublikowano: 5 marca 2020, 10:15
pl|05.03.2020 10:15
pl|5 marca 2020 10:15
pl|Data publikacji: 05.03.2020, 10:15
cs|5. března 2020 10:15
cs|Publikováno: 5. 3. 2020, 10:15
cs|čtvrtek 5. března 2020, 10:15
sk|5. marca 2020 10:15
sk|Publikované 05.03.2020 10:15
hu|2020. március 5. 10:15
hu|2020.03.05. 10:15
hu|Publikálás dátuma 2020.03.05. 10:15
ro|5 martie 2020, 10:15
ro|Publicat: 05.03.2020 10:15
ro|Joi, 05 martie 2020, 10:15
tr|5 Mart 2020 Perşembe 10:15
tr|05.03.2020 - 10:15
tr|Giriş: 05.03.2020 10:15
tr|Yayınlanma: 05 Mart 2020 10:15
el|5 Μαρτίου 2020, 10:15
el|05.03.2020 • 10:15
el|Πέμπτη, 5 Μαρτίου 2020
ru|5 марта 2020, 10:15
ru|05.03.2020 10:15
ru|Опубликовано: 5 марта 2020
ru|5 марта 2020 г., 10:15
uk|5 березня 2020, 10:15
uk|05 березня 2020 10:15
bg|5 март 2020, 10:15
bg|05.03.2020 10:15
hr|5. ožujka 2020. u 10:15
hr|05.03.2020. u 10:15
sr|5. март 2020. 10:15
sr|05.03.2020. 10:15
sl|5. marec 2020 ob 10:15
sl|5. 3. 2020 ob 10.15
lt|2020-03-05 10:15
lt|2020 m. kovo 5 d. 10:15
lv|2020. gada 5. marts 10:15
et|5. märts 2020 10:15
ko|입력 2020.03.05 10:15
ko|2020.03.05 오전 10:15
ko|기사입력 2020.03.05. 오전 10:15
ko|2020-03-05 10:15:00
ko|승인 2020.03.05 10:15
ja|2020年3月5日 10時15分
ja|2020/03/05 10:15
ja|2020.03.05
ja|2020年3月5日(木) 10:15
zh|2020年03月05日 10:15
zh|2020-03-05 10:15 来源：新华社
zh|發布時間：2020/03/05 10:15
zh|发布时间：2020-03-05 10:15:00
ar|5 مارس 2020
ar|الخميس 5 مارس 2020 - 10:15
ar|05/03/2020 10:15
ar|٥ مارس ٢٠٢٠
ar|نشر في: 05 مارس 2020
he|05.03.2020 10:15
he|5 במרץ 2020
id|Kamis, 5 Maret 2020 10:15 WIB
id|05/03/2020, 10:15 WIB
id|Kamis, 05 Mar 2020 10:15 WIB
ms|5 Mac 2020
vi|Thứ năm, 5/3/2020, 10:15 (GMT+7)
vi|05/03/2020 10:15
vi|Thứ Năm, 05/03/2020 10:15 GMT+7
hi|5 मार्च 2020
hi|Updated: 05 Mar 2020, 10:15 AM IST
pt|05/03/2020 10h15
pt|5.mar.2020 às 10h15
pt|Publicado em 05/03/2020 - 10:15
pt|5 de março de 2020
es|05/03/2020 10:15 h
es|5 mar 2020 - 10:15
es|Actualizado 05/03/2020 10:15
es|5 de marzo de 2020 - 10:15 CET
de|05.03.2020, 10:15 Uhr
de|5. März 2020, 10:15 Uhr
de|Stand: 05.03.2020 10:15 Uhr
de|Do., 05.03.2020
de|05.03.2020 | 10:15
en|March 5, 2020 10:15 AM ET
en|Mar 5, 2020
en|Updated 10:15 AM EST, Thu March 5, 2020
en|Thursday 5 March 2020 10.15 GMT
en|5th March 2020
en|Mar. 5, 2020
en|Published: 10:15 GMT, 5 March 2020
en|03/05/2020
fr|Publié le 05/03/2020 à 10h15
fr|Le 5 mars 2020 à 10:15
fr|05 mars 2020 à 10h15
fr|jeudi 5 mars 2020
it|5 marzo 2020 | 10:15
it|05/03/2020 - 10:15
it|Pubblicato il 5 marzo 2020 alle 10:15
nl|5 maart 2020, 10:15
nl|do 5 mrt 2020, 10:15
nl|Gepubliceerd op 5 maart 2020
"""
UPDATES = """
en|Updated March 6, 2020 · Published March 5, 2020
fi|Päivitetty 6.3.2020 12:30 | Julkaistu 5.3.2020 10:15
sv|Uppdaterad 6 mars 2020 · Publicerad 5 mars 2020
no|Oppdatert 06.03.2020 12:30 Publisert 05.03.2020 10:15
da|Opdateret 6. marts 2020 · Udgivet 5. marts 2020
pl|Aktualizacja: 06.03.2020 12:30 Data publikacji: 05.03.2020 10:15
pl|Zaktualizowano: 06.03.2020 Opublikowano: 05.03.2020
cs|Aktualizováno 6. 3. 2020 Publikováno 5. 3. 2020
sk|Aktualizované 06.03.2020 Publikované 05.03.2020
hu|Frissítve: 2020.03.06. 12:30 Publikálva: 2020.03.05. 10:15
ro|Actualizat: 06.03.2020 Publicat: 05.03.2020
tr|Güncelleme: 06.03.2020 12:30 Yayınlanma: 05.03.2020 10:15
el|Ενημερώθηκε: 06.03.2020 Δημοσιεύθηκε: 05.03.2020
ru|Обновлено 6 марта 2020 Опубликовано 5 марта 2020
uk|Оновлено 06.03.2020 Опубліковано 05.03.2020
bg|Актуализирана 06.03.2020 Публикувана 05.03.2020
hr|Ažurirano 06.03.2020. Objavljeno 05.03.2020.
id|Diperbarui 06 Mar 2020 Diterbitkan 05 Mar 2020
vi|Cập nhật 06/03/2020 Đăng lúc 05/03/2020
he|עודכן 06.03.2020 פורסם 05.03.2020
zh|更新时间：2020-03-06 发布时间：2020-03-05
ja|更新日：2020年3月6日 公開日：2020年3月5日
ko|수정 2020.03.06 12:30 입력 2020.03.05 10:15
ar|آخر تحديث 06/03/2020 تاريخ النشر 05/03/2020
de|Aktualisiert am 06.03.2020 Veröffentlicht am 05.03.2020
fr|Mis à jour le 06/03/2020 Publié le 05/03/2020
es|Actualizado 06/03/2020 Publicado 05/03/2020
it|Aggiornato il 06/03/2020 Pubblicato il 05/03/2020
pt|Atualizado em 06/03/2020 Publicado em 05/03/2020
nl|Bijgewerkt 6 maart 2020 Gepubliceerd 5 maart 2020
"""
BYLINES = """
en|Anna Berg|By Anna Berg, Staff Writer
en|Anna Berg;Tom Hale|By Anna Berg and Tom Hale, Reuters
en|Anna Berg|Anna Berg | Reuters
en|Anna Berg|Anna Berg, Senior Correspondent
en|Anna Berg;Tom Hale|Written by Anna Berg & Tom Hale
en|Anna Berg|Story by Anna Berg • Photos by Tom Hale
de|Anna Berg|Von Anna Berg, dpa
de|Anna Berg|Text: Anna Berg, Fotos: Tom Hale
de|Anna Berg;Tom Hale|Von Anna Berg und Tom Hale
de|Anna Berg|Autorin: Anna Berg
fr|Anna Berg|Par Anna Berg, envoyée spéciale à Kiev
fr|Anna Berg;Tom Hale|Par Anna Berg et Tom Hale
fr|Anna Berg|Anna Berg (avec AFP)
es|Anna Berg|Por Anna Berg | Agencia EFE
es|Anna Berg;Tom Hale|Por Anna Berg y Tom Hale
it|Anna Berg|di Anna Berg
it|Anna Berg;Tom Hale|di Anna Berg e Tom Hale
pt|Anna Berg|Por Anna Berg, do Rio
nl|Anna Berg|Door Anna Berg
nl|Anna Berg;Tom Hale|Door Anna Berg en Tom Hale
pl|Anna Berg|Autor: Anna Berg
pl|Anna Berg|Anna Berg, dziennikarka
cs|Anna Berg|Autor: Anna Berg
hu|Anna Berg|Szerző: Anna Berg
ro|Anna Berg|de Anna Berg
sv|Anna Berg|Av Anna Berg
sv|Anna Berg|Anna Berg, reporter
no|Anna Berg|Av Anna Berg, journalist
da|Anna Berg|Af Anna Berg
fi|Anna Berg|Anna Berg, toimittaja
fi|Anna Berg|Teksti: Anna Berg
tr|Anna Berg|Anna Berg - İstanbul
tr|Anna Berg|Haber: Anna Berg
ru|Анна Берг|Автор: Анна Берг
ru|Анна Берг|Текст: Анна Берг
uk|Анна Берг|Автор: Анна Берг
el|Άννας Μπεργκ|Της Άννας Μπεργκ
id|Anna Berg|Oleh: Anna Berg
id|Anna Berg|Reporter: Anna Berg | Editor: Tom Hale
vi|Anna Berg|Theo Anna Berg
ko|홍길동|홍길동 기자
ko|홍길동|홍길동 기자 hong@news.kr
ja|山田太郎|山田太郎 記者
zh|张三|记者 张三
zh|张三|文/张三
zh|张三|作者：张三
ar|محمد علي|بقلم: محمد علي
ar|محمد علي|كتب: محمد علي
he|דנה כהן|מאת דנה כהן
hi|राहुल शर्मा|लेखक: राहुल शर्मा
id|Anna Berg|Penulis: Anna Berg | Editor: Tom Hale
id|Anna Berg|Anna Berg - detikNews
id|Anna Berg|Laporan wartawan Tribunnews.com, Anna Berg
id|Anna Berg;Tom Hale|Oleh Anna Berg dan Tom Hale
ko|홍길동|(서울=연합뉴스) 홍길동 기자 =
zh|张三|本报记者 张三
zh|张三|新华社记者 张三
ar|محمد علي|كتب - محمد علي
ar|محمد علي|كتب محمد علي
fr|Anna Berg|Anna Berg, correspondante à Bruxelles
de|Anna Berg|Anna Berg, Korrespondentin in Paris
it|Anna Berg|Anna Berg, inviata a Kiev
es|Anna Berg|Anna Berg, corresponsal en París
pl|Anna Berg|Anna Berg, korespondentka PAP
en|Anna Berg|Anna Berg, Associated Press
en|Anna Berg|By ANNA BERG
en|Anna Berg;Tom Hale|By ANNA BERG and TOM HALE Associated Press
en|Anna Berg;Tom Hale|By Anna Berg and Tom Hale, Associated Press
de|Anna Berg|Anna Berg (ab)
ru|Анна Берг|Анна Берг, корреспондент
en|Anna Berg|Anna Berg<br>Reporter
en|Anna Berg|By Anna Berg<br>Published March 5, 2020
en|Anna Berg;Tom Hale;Lea Roth|By Anna Berg, Tom Hale and Lea Roth
en|Anna Berg;Tom Hale;Lea Roth|By Anna Berg, Tom Hale, and Lea Roth
de|Anna Berg;Tom Hale|Anna Berg und Tom Hale, Berlin
fr|Anna Berg|Anna Berg - Le Monde
pt|Anna Berg|Anna Berg, enviada especial a Kiev
pt|Anna Berg;Tom Hale|Por Anna Berg e Tom Hale
nl|Anna Berg|Anna Berg, correspondent in Parijs
sv|Anna Berg|Anna Berg, TT
no|Anna Berg|Anna Berg, NTB
da|Anna Berg|Anna Berg, Ritzau
fi|Anna Berg|Anna Berg, STT
"""
BREAKS = """
en|Story continues below advertisement
en|Article continues below this ad
en|Continue reading the main story
en|Advertisement - Scroll to continue
en|Continue reading below
en|ADVERTISEMENT
en|Sponsored content
de|Weiterlesen nach der Anzeige
de|Artikel wird unter der Anzeige fortgesetzt
de|Anzeige
fr|La suite après cette publicité
fr|Article réservé aux abonnés
es|Sigue leyendo
es|Continúa leyendo
es|Publicidad
it|Continua a leggere dopo la pubblicità
it|Pubblicità
nl|Lees verder na de advertentie
nl|Advertentie
pl|Dalsza część artykułu pod materiałem wideo
pl|Reklama
pt|Continua depois da publicidade
pt|Publicidade
cs|Pokračování článku pod reklamou
cs|Reklama
sv|Artikeln fortsätter under annonsen
sv|Annons
da|Artiklen fortsætter under annoncen
no|Saken fortsetter under annonsen
fi|Artikkeli jatkuu mainoksen jälkeen
fi|Mainos
tr|Haberin devamı için tıklayınız
tr|Reklam
ru|Продолжение статьи ниже
ru|Реклама
"""
# datetime (or content) attributes as sites write them, beside text showing no year
ATTRIBUTES = """
2020-03-05T10:15:00+0100
2020-03-05 10:15
2020-03-05 10:15:00 +0100
05.03.2020
March 5, 2020
1583403300
1583403300000
2020-03-05T10:15:00.000Z
20200305
2020-03-05T10:15
2020/03/05
2020-03-05T10:15:00+01
Thu, 05 Mar 2020 10:15:00 GMT
2020-03-05T10:15:00 CET
"""
READ_ALSO = """
en|Related: <a href="/news/other-story">Storm season begins early</a>
en|Read more: <a href="/news/other-story">Storm season begins early</a>
de|Mehr zum Thema: <a href="/news/other-story">Sturmsaison beginnt früh</a>
fr|Lire aussi : <a href="/news/other-story">La saison des tempêtes commence tôt</a>
es|Lee también: <a href="/news/other-story">La temporada de tormentas empieza pronto</a>
it|Leggi anche: <a href="/news/other-story">La stagione delle tempeste inizia presto</a>
pt|Leia também: <a href="/news/other-story">A temporada de tempestades começa cedo</a>
nl|Lees ook: <a href="/news/other-story">Het stormseizoen begint vroeg</a>
pl|Czytaj także: <a href="/news/other-story">Sezon burz zaczyna się wcześnie</a>
ru|Читайте также: <a href="/news/other-story">Сезон штормов начинается рано</a>
tr|Ayrıca okuyun: <a href="/news/other-story">Fırtına sezonu erken başlıyor</a>
sv|Läs också: <a href="/news/other-story">Stormsäsongen börjar tidigt</a>
"""

_BUTTONS = (
    "<a href='/share/fb'>Facebook</a> <a href='/share/x'>X</a> <a href='/share/mail'>E-mail</a>"
)
SHARE = f"""
en|Share this article: {_BUTTONS}
en|Share: {_BUTTONS}
de|Artikel teilen: {_BUTTONS}
de|Teilen: {_BUTTONS}
fr|Partager : {_BUTTONS}
es|Compartir: {_BUTTONS}
es|Comparte esta noticia: {_BUTTONS}
it|Condividi: {_BUTTONS}
pt|Compartilhe: {_BUTTONS}
pt|Partilhar: {_BUTTONS}
nl|Deel dit artikel: {_BUTTONS}
pl|Udostępnij: {_BUTTONS}
ru|Поделиться: {_BUTTONS}
tr|Paylaş: {_BUTTONS}
sv|Dela: {_BUTTONS}
fi|Jaa: {_BUTTONS}
cs|Sdílet: {_BUTTONS}
"""
APPEALS = """
en|Sign up for our daily newsletter to get the latest news in your inbox.
en|Follow us on Facebook and X.
de|Melden Sie sich für unseren Newsletter an und erhalten Sie die wichtigsten Nachrichten.
de|Folgen Sie uns auf Facebook und X.
fr|Inscrivez-vous à notre newsletter pour recevoir l'essentiel de l'actualité.
fr|Suivez-nous sur Facebook et X.
es|Suscríbete a nuestro boletín para recibir las noticias más importantes.
es|Síguenos en Facebook y X.
it|Iscriviti alla nostra newsletter per ricevere le notizie più importanti.
it|Seguici su Facebook e X.
pt|Assine a nossa newsletter e receba as principais notícias.
pt|Siga-nos no Facebook e no X.
nl|Schrijf je in voor onze nieuwsbrief en ontvang het laatste nieuws.
nl|Volg ons op Facebook en X.
pl|Zapisz się do naszego newslettera, aby otrzymywać najważniejsze wiadomości.
pl|Obserwuj nas na Facebooku i X.
ru|Подпишитесь на нашу рассылку, чтобы получать главные новости.
ru|Подписывайтесь на нас в Telegram.
sv|Prenumerera på vårt nyhetsbrev för att få de senaste nyheterna.
sv|Följ oss på Facebook och X.
cs|Přihlaste se k odběru našeho newsletteru.
fi|Tilaa uutiskirjeemme ja saat tuoreimmat uutiset.
fi|Seuraa meitä Facebookissa.
da|Tilmeld dig vores nyhedsbrev og få de seneste nyheder.
no|Meld deg på vårt nyhetsbrev og få de siste nyhetene.
id|Ikuti kami di Facebook dan X.
vi|Theo dõi chúng tôi trên Facebook và X.
ar|تابعونا على فيسبوك و إكس.
tr|Bültenimize abone olun, en son haberleri alın.
tr|Bizi Facebook ve X üzerinden takip edin.
"""
ROUNDUPS = """
en|Related articles
en|More on this story
en|You may also like
en|Recommended for you
de|Mehr zum Thema
de|Das könnte Sie auch interessieren
de|Weitere Artikel
de|Lesen Sie auch
fr|À lire aussi
fr|Sur le même sujet
fr|Vous aimerez aussi
es|Noticias relacionadas
es|Te puede interesar
it|Leggi anche
it|Articoli correlati
pt|Leia também
pt|Notícias relacionadas
nl|Lees ook
nl|Meer nieuws
pl|Czytaj także
pl|Polecane
cs|Související články
cs|Mohlo by vás zajímat
hu|Kapcsolódó cikkek
ro|Citește și
ru|Читайте также
ru|Похожие новости
uk|Читайте також
tr|İlgili Haberler
sv|Läs också
no|Les også
da|Læs også
fi|Lue myös
fi|Aiheesta muualla
el|Διαβάστε επίσης
hr|Povezani članci
bg|Още по темата
id|Baca juga
vi|Tin liên quan
ja|関連記事
zh|相关阅读
ko|관련기사
ar|اقرأ أيضا
he|כתבות נוספות
hi|संबंधित खबरें
"""
CRUMBS = """
en|<a href='/'>Home</a> › <a href='/news/'>News</a> › The last ferry
en|<a href='/'>Home</a> > <a href='/local/'>Local</a> > The last ferry across the river
en|You are here: <a href='/'>Home</a> › <a href='/news/'>News</a> › The last ferry
de|<a href='/'>Startseite</a> / <a href='/news/'>Nachrichten</a> / Die letzte Fähre
de|Sie sind hier: <a href='/'>Startseite</a> › <a href='/news/'>Lokales</a> › Die letzte Fähre
fr|<a href='/'>Accueil</a> » <a href='/news/'>Actualités</a> » Le dernier bac
es|<a href='/'>Inicio</a> » <a href='/news/'>Noticias</a> » El último transbordador
it|<a href='/'>Home</a> / <a href='/news/'>Cronaca</a> / L'ultimo traghetto
pt|<a href='/'>Início</a> › <a href='/news/'>Notícias</a> › A última balsa
nl|<a href='/'>Home</a> › <a href='/news/'>Nieuws</a> › De laatste veerpont
pl|<a href='/'>Strona główna</a> » <a href='/news/'>Wiadomości</a> » Ostatni prom
"""
# A byline going on with the day, or the day going on with the story's filing (and a whole
# meta line of such parts), under the headline.
META_LINES = """
en|By Anna Berg | March 5, 2020
en|By Anna Berg - 5 March 2020
de|Von Anna Berg | 05.03.2020
de|Von Anna Berg, 5. März 2020
fr|Par Anna Berg, le 5 mars 2020
fr|Par Anna Berg | 05/03/2020
es|Por Anna Berg | 5 de marzo de 2020
it|di Anna Berg - 5 marzo 2020
pt|Por Anna Berg - 05/03/2020
nl|Door Anna Berg - 5 maart 2020
pl|Autor: Anna Berg | 05.03.2020
sv|Av Anna Berg | 5 mars 2020
en|Date : 05/03/2020 Category : News
de|Datum: 05.03.2020 Kategorie: Lokales
fr|Date : 5 mars 2020 Catégorie : Actualités
pt|05/03/2020 - Publicado por: Anna Berg - Categoria: Saúde - Tags: saúde, barcos
en|Posted on March 5, 2020 | By Anna Berg | Category: News | 3 Comments
de|05.03.2020 | Autor: Anna Berg | Kategorie: Lokales
es|5 de marzo de 2020 - Por Anna Berg - Categoría: Noticias
"""
# A comment thread's heading, as blog themes print it, and how a comment is introduced.
THREADS = """
en|2 thoughts on “The last ferry”|says:
en|12 Comments|said...
en|Leave a Reply|says:
de|2 Gedanken zu „Die letzte Fähre“|sagt:
de|12 Kommentare|schreibt:
fr|2 réflexions sur « Le dernier bac »|dit :
es|2 comentarios en «El último transbordador»|dice:
it|2 commenti su “L'ultimo traghetto”|ha detto:
pt|2 comentários em “A última balsa”|disse:
nl|2 reacties op “De laatste veerpont”|schreef:
pl|2 komentarze do “Ostatni prom”|pisze:
ru|2 комментария к “Последний паром”|говорит:
sv|2 reaktioner på ”Den sista färjan”|skriver:
tr|“Son feribot” için 2 yorum|dedi ki:
"""
_COMMENT = (
    "<li><div><b>Tom Hale</b> <span>{}</span> <a href='#c1'>5 March 2020 at 10:15</a></div>"
    "<p>My grandfather worked on that ferry in the fifties, and told us of the winters.</p>"
    "<a href='?replytocom=1'>Reply</a></li>"
)
_OTHER_STORIES = "".join(
    f"<li><a href='/news/{n}'>{title}</a></li>"
    for n, title in enumerate(
        ["Storm season begins early", "Council approves new bridge plans", "School turns 100"]
    )
)


_TAG = re.compile(r"<[^>]+>")


def _rows(table: str, fields: int) -> Iterator[list[str]]:
    for line in table.strip().splitlines():
        yield line.split("|", fields - 1)


def _page(lang: str, under: str = "", between: str = "", after: str = "") -> str:
    sentence = FILL.get(lang, FILL["en"])
    paragraph = f"<p>{sentence} {sentence} {sentence}</p>"
    return (
        f"<html lang='{lang}'><head><meta charset='utf-8'><title>The last ferry</title></head>"
        f"<body><article><h1>The last ferry</h1>{under}{paragraph * 2}{between}"
        f"{paragraph * 3}{after}</article></body></html>"
    )


def _dated(lang: str, form: str, markup: str) -> str | None:
    """What is wrong with the day read from the page, or None."""
    published = extract(_page(lang, markup.format(form)), URL).published
    return None if (published or "")[:10] == "2020-03-05" else f"published {published}"


DATE_PLACES = {
    "date span": "<div class='entry-meta'><span class='date'>{}</span></div>",
    "bare p": "<p>{}</p>",
    "time": "<time>{}</time>",
    "byline": "<div class='byline'>Anna Berg · {}</div>",
}


def dates(table: str = DATES, places: dict[str, str] = DATE_PLACES) -> Iterator[tuple]:
    for place, markup in places.items():
        yield (
            place,
            [(f"{lang} {form}", _dated(lang, form, markup)) for lang, form in _rows(table, 2)],
        )


def updates() -> Iterator[tuple]:
    yield from dates(UPDATES, {"date span": DATE_PLACES["date span"], "bare p": "<p>{}</p>"})


ATTRIBUTE_PLACES = {
    "time": "<time datetime='{}'>5 March</time>",
    "empty time": "<time class='published' datetime='{}'></time>",
    "span": "<span class='date' content='{}'></span>",
}


def attributes() -> Iterator[tuple]:
    for place, markup in ATTRIBUTE_PLACES.items():
        yield (
            place,
            [(value, _dated("en-GB", value, markup)) for value in ATTRIBUTES.strip().splitlines()],
        )


def bylines() -> Iterator[tuple]:
    for place, markup in {
        "byline": "<div class='byline'>{}</div>",
        "author": "<p class='author'>{}</p>",
    }.items():
        results = []
        for lang, names, form in _rows(BYLINES, 3):
            found = extract(_page(lang, markup.format(form)), URL).authors
            wanted = names.split(";")
            results.append((f"{lang} {form}", None if found == wanted else f"authors {found}"))
        yield place, results


def _left_out(table: str, places: dict[str, str], where: str = "between") -> Iterator[tuple]:
    """Each line set `where` the page puts it ("under" the headline, "between" paragraphs,
    "after" the story) in each place's markup, and whether the text still holds it."""
    for place, markup in places.items():
        results = []
        for lang, line in _rows(table, 2):
            body = extract(_page(lang, **{where: markup.format(line)}), URL).body
            shown = next(t for t in _TAG.split(line) if t.strip(" :›>»/")).strip(" :")
            results.append((f"{lang} {line}", "kept in the text" if shown in body else None))
        yield place, results


def breaks() -> Iterator[tuple]:
    yield from _left_out(
        BREAKS, {"p": "<p>{}</p>", "div": "<div>{}</div>", "em": "<p><em>{}</em></p>"}
    )


def read_also() -> Iterator[tuple]:
    yield from _left_out(READ_ALSO, {"p": "<p>{}</p>"})


def share() -> Iterator[tuple]:
    yield from _left_out(SHARE, {"p": "<p>{}</p>", "div": "<div>{}</div>"})


def appeals() -> Iterator[tuple]:
    yield from _left_out(APPEALS, {"p": "<p>{}</p>", "strong": "<p><strong>{}</strong></p>"})


def roundups() -> Iterator[tuple]:
    places = {
        "h2": f"<h2>{{}}</h2><ul>{_OTHER_STORIES}</ul>",
        "bold line": f"<p><strong>{{}}</strong></p><ul>{_OTHER_STORIES}</ul>",
    }
    yield from _left_out(ROUNDUPS, places, "after")


def crumbs() -> Iterator[tuple]:
    yield from _left_out(CRUMBS, {"p": "<p>{}</p>", "div": "<div>{}</div>"}, "under")


def meta_lines() -> Iterator[tuple]:
    yield from _left_out(META_LINES, {"p": "<p>{}</p>"}, "under")


def threads() -> Iterator[tuple]:
    """A comment thread inside the story's block, under class names that say nothing."""
    results = []
    for lang, heading, says in _rows(THREADS, 3):
        thread = f"<div class='q7x'><h2>{heading}</h2><ol>{_COMMENT.format(says)}</ol></div>"
        body = extract(_page(lang, after=thread), URL).body
        results.append((f"{lang} {heading}", "kept in the text" if "grandfather" in body else None))
    yield "h2", results


FAMILIES: dict[str, Callable[[], Iterator[tuple]]] = {
    "dates": dates,
    "updates": updates,
    "attributes": attributes,
    "bylines": bylines,
    "breaks": breaks,
    "read-also": read_also,
    "share": share,
    "appeals": appeals,
    "roundups": roundups,
    "crumbs": crumbs,
    "meta-lines": meta_lines,
    "threads": threads,
}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--only", action="append", choices=sorted(FAMILIES))
    args = parser.parse_args()
    for name in args.only or FAMILIES:
        for place, results in FAMILIES[name]():
            wrong = [(form, why) for form, why in results if why]
            print(f"{name:10} {place:10} {len(results) - len(wrong)}/{len(results)} right")
            for form, why in wrong:
                print(f"    {form}  ({why})")


if __name__ == "__main__":
    main()
