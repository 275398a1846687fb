/// The languages Haven speaks to residents out of the box. Operations add others (Somali, Hausa, Dari…) or
/// reword these with JSON files keyed like `Wording.Key` (see the README).
enum WordingCatalogue {
    static let builtIn: [String: [Wording.Key: String]] = ["en": english, "fr": french, "es": spanish, "ar": arabic]
    /// The built-in languages in the order choices list them.
    static let order = ["en", "fr", "es", "ar"]

    /// English, with the sectors named as the response names them.
    static let english: [Wording.Key: String] = Dictionary(
        uniqueKeysWithValues: Wording.sectorKeys.map { code, key in
            (key, ResponseSector.named(code)!.name)
        }
    ).merging(englishTexts) { named, _ in named }.merging(StaffWordingCatalogue.english) { own, _ in own }

    private static let englishTexts: [Wording.Key: String] = [
        .languageName: "English", .direction: "ltr",
        .formTitle: "Give feedback or make a complaint",
        .formIntro:
            "Tell us what works, what does not, or what went wrong. You do not need to give your name. Complaints about abuse or exploitation by aid workers go only to the people trained to handle them, and are kept confidential.",
        .checkLink: "Already sent something? Check it with your reference.",
        .checkFields: "Please check the fields marked below.",
        .siteCodeLabel: "Your site (its code, as on the notice board)", .siteLabel: "Your site",
        .chooseSite: "Choose your site",
        .aboutLabel: "What is it about?", .choose: "Choose", .messageLabel: "Your message",
        .wantsAnswerLabel: "Do you want an answer?",
        .yes: "Yes", .no: "No", .contactLabel: "How can we reach you? (phone, shelter number; optional)",
        .consentLabel: "May we contact you about this?", .sexLabel: "You are (optional)",
        .preferNotToSay: "Prefer not to say",
        .female: "Female", .male: "Male", .other: "Other", .ageLabel: "Your age (optional)",
        .ageUnder18: "Under 18", .age18To59: "18-59", .age60Plus: "60 and over", .send: "Send",
        .errorSite: "Choose the site you live in.", .errorCategory: "Choose what your message is about.",
        .errorDescription: "Write your message (at most 5,000 characters).",
        .errorContact: "We keep your contact only if you agree to be contacted.",
        .receiptTitle: "Thank you", .receiptHeading: "Thank you, we have received your message",
        .referenceIs: "Your reference is",
        .writeItDown:
            "Write it down or take a photo of this page. With it you can ask about your message at the help desk, on the hotline, or here:",
        .checkStatus: "Check where it stands", .statusTitle: "Check your feedback",
        .statusHeading: "Check where your feedback stands",
        .yourReference: "Your reference", .check: "Check", .receivedOn: "Received on {date}.",
        .notFound: "We found no feedback with this reference. Check how it is written, or ask at the help desk.",
        .statusNew: "It is waiting to be read.", .statusAcknowledged: "It has been read and is being looked into.",
        .statusReferred: "It has been passed to the organisation that can act on it.",
        .statusInProgress: "Someone is working on it.",
        .statusResponded: "An answer has been given.", .statusClosed: "It is closed.",
        .waitTitle: "Please wait", .waitHeading: "Please wait a little",
        .waitText:
            "Several messages were sent from here in the last hour. Please try again later, or go to the help desk or call the hotline.",
        .servicesAt: "Services at {site}", .siteUpdated: "Site {code}. Updated {date}.",
        .noServices: "No services are listed for this site yet.",
        .service: "Service", .who: "Who", .whereColumn: "Where", .when: "When", .howToReach: "How to reach",
        .tellUs: "Tell us what you think, or complain", .online: "On a phone or computer:",
        .hotline: "Call the free hotline:",
        .inPerson: "At the help desk, to the mobile team, or in the suggestion box.",
        .confidential:
            "You do not need to give your name. Complaints about abuse or exploitation by aid workers go only to trained staff and stay confidential. Help is free: nobody may ask you for money or favours.",
    ]

    static let french = frenchTexts.merging(StaffWordingCatalogue.french) { own, _ in own }

    private static let frenchTexts: [Wording.Key: String] = [
        .languageName: "Français", .direction: "ltr",
        .formTitle: "Donner votre avis ou déposer une plainte",
        .formIntro:
            "Dites-nous ce qui marche, ce qui ne marche pas ou ce qui s'est mal passé. Vous n'avez pas besoin de donner votre nom. Les plaintes pour abus ou exploitation par des travailleurs humanitaires sont transmises uniquement aux personnes formées pour les traiter, et restent confidentielles.",
        .checkLink: "Vous avez déjà envoyé un message ? Suivez-le avec votre référence.",
        .checkFields: "Veuillez vérifier les champs signalés ci-dessous.",
        .siteCodeLabel: "Votre site (son code, affiché au tableau)", .siteLabel: "Votre site",
        .chooseSite: "Choisissez votre site",
        .aboutLabel: "De quoi s'agit-il ?", .choose: "Choisir", .messageLabel: "Votre message",
        .wantsAnswerLabel: "Souhaitez-vous une réponse ?",
        .yes: "Oui", .no: "Non", .contactLabel: "Comment vous joindre ? (téléphone, numéro d'abri ; facultatif)",
        .consentLabel: "Pouvons-nous vous contacter à ce sujet ?", .sexLabel: "Vous êtes (facultatif)",
        .preferNotToSay: "Je préfère ne pas le dire",
        .female: "Femme", .male: "Homme", .other: "Autre", .ageLabel: "Votre âge (facultatif)",
        .ageUnder18: "Moins de 18 ans", .age18To59: "18-59 ans", .age60Plus: "60 ans et plus", .send: "Envoyer",
        .errorSite: "Choisissez le site où vous vivez.", .errorCategory: "Choisissez le sujet de votre message.",
        .errorDescription: "Écrivez votre message (5 000 caractères au plus).",
        .errorContact: "Nous gardons votre contact seulement si vous acceptez d'être contacté.",
        .receiptTitle: "Merci", .receiptHeading: "Merci, nous avons bien reçu votre message",
        .referenceIs: "Votre référence est",
        .writeItDown:
            "Notez-la ou prenez cette page en photo. Avec elle, vous pouvez demander où en est votre message au bureau d'accueil, à la ligne d'assistance, ou ici :",
        .checkStatus: "Voir où il en est", .statusTitle: "Suivre votre message",
        .statusHeading: "Voir où en est votre message",
        .yourReference: "Votre référence", .check: "Vérifier", .receivedOn: "Reçu le {date}.",
        .notFound:
            "Aucun message ne correspond à cette référence. Vérifiez son écriture ou demandez au bureau d'accueil.",
        .statusNew: "Il attend d'être lu.", .statusAcknowledged: "Il a été lu et il est en cours d'examen.",
        .statusReferred: "Il a été transmis à l'organisation qui peut agir.",
        .statusInProgress: "Quelqu'un s'en occupe.",
        .statusResponded: "Une réponse a été donnée.", .statusClosed: "Il est clos.",
        .waitTitle: "Veuillez patienter", .waitHeading: "Veuillez patienter un peu",
        .waitText:
            "Plusieurs messages ont été envoyés d'ici dans la dernière heure. Réessayez plus tard, ou rendez-vous au bureau d'accueil ou appelez la ligne d'assistance.",
        .servicesAt: "Services à {site}", .siteUpdated: "Site {code}. Mis à jour le {date}.",
        .noServices: "Aucun service n'est encore indiqué pour ce site.",
        .service: "Service", .who: "Qui", .whereColumn: "Où", .when: "Quand", .howToReach: "Comment les joindre",
        .tellUs: "Donnez votre avis ou déposez une plainte", .online: "Sur un téléphone ou un ordinateur :",
        .hotline: "Appelez la ligne gratuite :",
        .inPerson: "Au bureau d'accueil, auprès de l'équipe mobile, ou dans la boîte à suggestions.",
        .confidential:
            "Vous n'avez pas besoin de donner votre nom. Les plaintes pour abus ou exploitation par des travailleurs humanitaires vont uniquement à du personnel formé et restent confidentielles. L'aide est gratuite : personne ne peut vous demander d'argent ni de faveurs.",
        .sectorCCCM: "Coordination et gestion des camps",
        .sectorShelter: "Abris et articles non alimentaires",
        .sectorWASH: "Eau, hygiène et assainissement",
        .sectorHealth: "Santé",
        .sectorProtection: "Protection (dont VBG et protection de l'enfance)",
        .sectorEducation: "Éducation",
        .sectorFoodSecurity: "Sécurité alimentaire",
        .sectorNutrition: "Nutrition",
        .sectorLivelihoods: "Moyens de subsistance et relèvement précoce",
    ]

    static let spanish = spanishTexts.merging(StaffWordingCatalogue.spanish) { own, _ in own }

    private static let spanishTexts: [Wording.Key: String] = [
        .languageName: "Español", .direction: "ltr",
        .formTitle: "Dar su opinión o presentar una queja",
        .formIntro:
            "Díganos qué funciona, qué no funciona o qué salió mal. No necesita dar su nombre. Las quejas por abuso o explotación por parte de trabajadores humanitarios llegan solo a las personas capacitadas para atenderlas y se tratan de forma confidencial.",
        .checkLink: "¿Ya envió algo? Consúltelo con su referencia.", .checkFields: "Revise los campos señalados abajo.",
        .siteCodeLabel: "Su sitio (su código, como en el tablón de anuncios)", .siteLabel: "Su sitio",
        .chooseSite: "Elija su sitio",
        .aboutLabel: "¿De qué se trata?", .choose: "Elegir", .messageLabel: "Su mensaje",
        .wantsAnswerLabel: "¿Desea una respuesta?",
        .yes: "Sí", .no: "No", .contactLabel: "¿Cómo podemos contactarle? (teléfono, número de refugio; opcional)",
        .consentLabel: "¿Podemos contactarle sobre esto?", .sexLabel: "Usted es (opcional)",
        .preferNotToSay: "Prefiero no decirlo",
        .female: "Mujer", .male: "Hombre", .other: "Otro", .ageLabel: "Su edad (opcional)",
        .ageUnder18: "Menos de 18 años", .age18To59: "18-59 años", .age60Plus: "60 años o más", .send: "Enviar",
        .errorSite: "Elija el sitio donde vive.", .errorCategory: "Elija el tema de su mensaje.",
        .errorDescription: "Escriba su mensaje (5.000 caracteres como máximo).",
        .errorContact: "Guardamos su contacto solo si acepta que le contactemos.",
        .receiptTitle: "Gracias", .receiptHeading: "Gracias, hemos recibido su mensaje",
        .referenceIs: "Su referencia es",
        .writeItDown:
            "Anótela o tome una foto de esta página. Con ella puede preguntar por su mensaje en el punto de atención, en la línea telefónica o aquí:",
        .checkStatus: "Ver en qué estado está", .statusTitle: "Consultar su mensaje",
        .statusHeading: "Vea en qué estado está su mensaje",
        .yourReference: "Su referencia", .check: "Consultar", .receivedOn: "Recibido el {date}.",
        .notFound:
            "No encontramos ningún mensaje con esta referencia. Revise cómo está escrita o pregunte en el punto de atención.",
        .statusNew: "Está esperando a ser leído.", .statusAcknowledged: "Ha sido leído y se está revisando.",
        .statusReferred: "Se ha remitido a la organización que puede actuar.",
        .statusInProgress: "Alguien se está ocupando de ello.",
        .statusResponded: "Se ha dado una respuesta.", .statusClosed: "Está cerrado.",
        .waitTitle: "Espere, por favor", .waitHeading: "Espere un poco, por favor",
        .waitText:
            "Se enviaron varios mensajes desde aquí en la última hora. Inténtelo más tarde, o acuda al punto de atención o llame a la línea telefónica.",
        .servicesAt: "Servicios en {site}", .siteUpdated: "Sitio {code}. Actualizado el {date}.",
        .noServices: "Todavía no hay servicios registrados para este sitio.",
        .service: "Servicio", .who: "Quién", .whereColumn: "Dónde", .when: "Cuándo", .howToReach: "Cómo contactar",
        .tellUs: "Díganos qué piensa o presente una queja", .online: "En un teléfono o una computadora:",
        .hotline: "Llame a la línea gratuita:",
        .inPerson: "En el punto de atención, al equipo móvil o en el buzón de sugerencias.",
        .confidential:
            "No necesita dar su nombre. Las quejas por abuso o explotación por parte de trabajadores humanitarios llegan solo a personal capacitado y son confidenciales. La ayuda es gratuita: nadie puede pedirle dinero ni favores.",
        .sectorCCCM: "Coordinación y gestión de campamentos",
        .sectorShelter: "Alojamiento y artículos no alimentarios",
        .sectorWASH: "Agua, saneamiento e higiene",
        .sectorHealth: "Salud",
        .sectorProtection: "Protección (incluida la VBG y la protección de la infancia)",
        .sectorEducation: "Educación",
        .sectorFoodSecurity: "Seguridad alimentaria",
        .sectorNutrition: "Nutrición",
        .sectorLivelihoods: "Medios de vida y recuperación temprana",
    ]

    static let arabic = arabicTexts.merging(StaffWordingCatalogue.arabic) { own, _ in own }

    private static let arabicTexts: [Wording.Key: String] = [
        .languageName: "العربية", .direction: "rtl",
        .formTitle: "قدّم ملاحظاتك أو شكواك",
        .formIntro:
            "أخبرنا بما ينجح وما لا ينجح وما حدث بشكل خاطئ. لا تحتاج إلى ذكر اسمك. الشكاوى المتعلقة بالإساءة أو الاستغلال من قبل العاملين في المجال الإنساني لا تصل إلا إلى أشخاص مدرّبين على التعامل معها، وتبقى سرّية.",
        .checkLink: "هل أرسلت شيئاً من قبل؟ تابعه برقمك المرجعي.",
        .checkFields: "يرجى مراجعة الحقول المشار إليها أدناه.",
        .siteCodeLabel: "موقعك (رمزه كما هو على لوحة الإعلانات)", .siteLabel: "موقعك", .chooseSite: "اختر موقعك",
        .aboutLabel: "ما موضوع رسالتك؟", .choose: "اختر", .messageLabel: "رسالتك", .wantsAnswerLabel: "هل تريد رداً؟",
        .yes: "نعم", .no: "لا", .contactLabel: "كيف يمكننا الوصول إليك؟ (الهاتف، رقم المأوى؛ اختياري)",
        .consentLabel: "هل يمكننا التواصل معك بشأن هذا؟", .sexLabel: "أنت (اختياري)", .preferNotToSay: "أفضّل عدم القول",
        .female: "أنثى", .male: "ذكر", .other: "آخر", .ageLabel: "عمرك (اختياري)",
        .ageUnder18: "أقل من 18 سنة", .age18To59: "18-59 سنة", .age60Plus: "60 سنة فأكثر", .send: "إرسال",
        .errorSite: "اختر الموقع الذي تعيش فيه.", .errorCategory: "اختر موضوع رسالتك.",
        .errorDescription: "اكتب رسالتك (5000 حرف على الأكثر).",
        .errorContact: "لا نحتفظ بوسيلة الاتصال بك إلا إذا وافقت على التواصل معك.",
        .receiptTitle: "شكراً", .receiptHeading: "شكراً، لقد استلمنا رسالتك", .referenceIs: "رقمك المرجعي هو",
        .writeItDown:
            "اكتبه أو التقط صورة لهذه الصفحة. يمكنك به السؤال عن رسالتك في مكتب المساعدة أو عبر الخط الساخن أو هنا:",
        .checkStatus: "اعرف أين وصلت", .statusTitle: "تابع رسالتك", .statusHeading: "اعرف أين وصلت رسالتك",
        .yourReference: "رقمك المرجعي", .check: "تحقّق", .receivedOn: "استُلمت في {date}.",
        .notFound: "لم نجد أي رسالة بهذا الرقم المرجعي. تحقّق من طريقة كتابته أو اسأل في مكتب المساعدة.",
        .statusNew: "تنتظر أن تُقرأ.", .statusAcknowledged: "قُرئت ويجري النظر فيها.",
        .statusReferred: "أُحيلت إلى المنظمة التي يمكنها التصرّف.", .statusInProgress: "يعمل أحدهم عليها.",
        .statusResponded: "تم تقديم رد.", .statusClosed: "أُغلقت.",
        .waitTitle: "يرجى الانتظار", .waitHeading: "يرجى الانتظار قليلاً",
        .waitText:
            "أُرسلت عدة رسائل من هنا خلال الساعة الماضية. يرجى المحاولة لاحقاً، أو التوجّه إلى مكتب المساعدة أو الاتصال بالخط الساخن.",
        .servicesAt: "الخدمات في {site}", .siteUpdated: "الموقع {code}. آخر تحديث {date}.",
        .noServices: "لا توجد خدمات مدرجة لهذا الموقع بعد.",
        .service: "الخدمة", .who: "الجهة", .whereColumn: "المكان", .when: "الوقت", .howToReach: "طريقة التواصل",
        .tellUs: "أخبرنا برأيك أو قدّم شكوى", .online: "عبر الهاتف أو الحاسوب:", .hotline: "اتصل بالخط الساخن المجاني:",
        .inPerson: "في مكتب المساعدة، أو لدى الفريق المتنقّل، أو في صندوق الاقتراحات.",
        .confidential:
            "لا تحتاج إلى ذكر اسمك. الشكاوى المتعلقة بالإساءة أو الاستغلال من قبل العاملين في المجال الإنساني لا تصل إلا إلى موظفين مدرّبين وتبقى سرّية. المساعدة مجانية: لا يحق لأحد أن يطلب منك مالاً أو خدمات.",
        .sectorCCCM: "تنسيق المخيمات وإدارتها",
        .sectorShelter: "المأوى والمواد غير الغذائية",
        .sectorWASH: "المياه والصرف الصحي والنظافة",
        .sectorHealth: "الصحة",
        .sectorProtection: "الحماية (بما فيها العنف القائم على النوع الاجتماعي وحماية الطفل)",
        .sectorEducation: "التعليم",
        .sectorFoodSecurity: "الأمن الغذائي",
        .sectorNutrition: "التغذية",
        .sectorLivelihoods: "سبل العيش والتعافي المبكر",
    ]
}
